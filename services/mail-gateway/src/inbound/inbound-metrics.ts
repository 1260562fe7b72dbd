import { metricsRegistry } from '@helpdesk/telemetry';
import { Counter } from 'prom-client';

/** Prometheus metrics of inbound processing, served on `/metrics` with the platform's. */
export interface InboundMetrics {
  /** A stored mail failed to be processed on its own (one attempt counted). */
  processingFailed(): void;
  /** A stored mail was given up and published minimally. */
  givenUp(): void;
}

let created: InboundMetrics | undefined;

/** The metrics, registered on first use and shared by every processor in the process (tests start several). */
export function inboundMetrics(): InboundMetrics {
  created ??= createInboundMetrics();
  return created;
}

function createInboundMetrics(): InboundMetrics {
  const registers = [metricsRegistry];
  const failures = new Counter({
    name: 'helpdesk_mail_inbound_processing_failures_total',
    help: 'Failed attempts at processing a stored inbound mail on its own (each is retried by the recovery pass until MAIL_PROCESSING_MAX_ATTEMPTS)',
    registers,
  });
  const givenUp = new Counter({
    name: 'helpdesk_mail_inbound_given_up_total',
    help: 'Stored inbound mails whose processing failed MAIL_PROCESSING_MAX_ATTEMPTS times and that were published minimally (headers, a note, the raw reference)',
    registers,
  });
  return { processingFailed: () => failures.inc(), givenUp: () => givenUp.inc() };
}

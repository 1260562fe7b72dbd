import { z } from 'zod';
import type { StreamSpec } from './streams';

const prefixSchema = z.string().regex(/^([A-Za-z0-9_-]+\.)*$/);

/**
 * Puts every subject and stream of one environment behind a prefix, so that several
 * environments (or several test files) share one NATS without seeing each other's events.
 * With prefix `t42.` the event type `helpdesk.ticket.created.v1` travels on subject
 * `t42.helpdesk.ticket.created.v1` in stream `T42_HELPDESK_TICKET`. The CloudEvent `type`
 * never carries the prefix.
 */
export class SubjectNaming {
  constructor(readonly prefix: string = '') {
    if (!prefixSchema.safeParse(prefix).success) {
      throw new Error(`subject prefix must be empty or dot-separated tokens ending in a dot (got "${prefix}")`);
    }
  }

  /** The NATS subject of an event type (or of a subject filter such as `helpdesk.ticket.>`). */
  subject(typeOrFilter: string): string {
    return `${this.prefix}${typeOrFilter}`;
  }

  /** The event type carried on a prefixed subject. */
  typeOf(subject: string): string {
    return subject.startsWith(this.prefix) ? subject.slice(this.prefix.length) : subject;
  }

  /** The prefixed stream name: `t42.` + `HELPDESK_TICKET` → `T42_HELPDESK_TICKET`. */
  streamName(stream: StreamSpec | string): string {
    const name = typeof stream === 'string' ? stream : stream.name;
    const head = this.prefix.replace(/\.$/, '').replace(/[.-]/g, '_').toUpperCase();
    return head ? `${head}_${name}` : name;
  }

  /** The DLQ subject of a service: `helpdesk.dlq.<service>`. */
  dlqSubject(service: string): string {
    return this.subject(`helpdesk.dlq.${service}`);
  }

  /** A durable consumer name, which must not contain dots. */
  durableName(durable: string): string {
    return durable.replace(/[.\s*>]/g, '_');
  }
}

import type { INestMicroservice } from '@nestjs/common';
import type { Logger } from '@helpdesk/telemetry';
import { CallError } from '../calls/call.errors';
import type { TelephonyConfig } from '../config';
import { PbxConnectionsService } from '../connections/pbx-connections.service';

/** The demo CTI connection: fixed id and token, so the printed curl lines work on every machine. */
export const DEMO_CTI_CONNECTION = { id: '0195f3a0-0000-7000-8000-0000000c0001', name: 'demo-cti', token: 'demo-cti-token-not-for-production' };
/** The demo API connection for RecordCall. */
export const DEMO_API_CONNECTION = { id: '0195f3a0-0000-7000-8000-0000000c0002', name: 'demo-api' };

/**
 * The gateway's `afterStart`: with `DEMO_DATA=true` and no PBX connection yet, creates a CTI
 * webhook connection and an API connection, and logs how to ring the hotline with curl. Callers
 * are recognised once the ticket service's demo directory has arrived (its events): 089 99998 101
 * is Thomas Berger of Müller Maschinenbau.
 */
export async function loadDemoConnections(app: INestMicroservice, config: Pick<TelephonyConfig, 'DEMO_DATA' | 'HTTP_PORT'>, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const connections = app.get(PbxConnectionsService);
  if ((await connections.count()) > 0) return;
  try {
    await connections.create({ ...DEMO_CTI_CONNECTION, kind: 'cti_webhook', ami: null });
    await connections.create({ ...DEMO_API_CONNECTION, kind: 'api', ami: null });
  } catch (error) {
    // Another replica starting at the same time created them.
    if (error instanceof CallError && error.code === 'CONNECTION_NAME_TAKEN') return;
    throw error;
  }
  const url = `http://127.0.0.1:${config.HTTP_PORT}/cti/${DEMO_CTI_CONNECTION.id}`;
  logger.info(
    { webhook: url },
    `demo data: created PBX connections demo-cti and demo-api; ring the hotline with: curl -d event=newCall -d callId=demo-1 -d direction=in -d from=08999998101 -d to=+4930999999 -H 'Authorization: Bearer ${DEMO_CTI_CONNECTION.token}' ${url}`,
  );
}

import { JwtVerifier, jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { telephonyAppModule } from './app.module';
import { CallsService } from './calls/calls.service';
import { telephonyConfigSchema } from './config';
import { ConnectionCache } from './connections/connection-cache';
import { CtiWebhook } from './cti/cti-webhook.http';
import { loadDemoConnections } from './demo/demo-connections.after-start';
import { gatewayHttpHandler } from './http/gateway-http';
import { MonitorHub } from './monitor/monitor-hub';
import { MonitorSse } from './monitor/monitor-sse.http';
import { telephonyMigrations } from './migrations/telephony-migrations';

/** What the runtime needs to start the telephony gateway (main.ts and the tests use it). */
export const telephonyServiceDefinition: ServiceDefinition<typeof telephonyConfigSchema> = {
  name: 'telephony-gateway',
  configSchema: telephonyConfigSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: telephonyMigrations, applicationName: 'helpdesk-telephony-gateway' }),
  appModule: telephonyAppModule,
  grpc: {
    packages: ['helpdesk.telephony.v1'],
    protoPaths: ['helpdesk/telephony/v1/telephony.proto'],
    includeDirs: [PROTO_ROOT],
  },
  // The CTI webhook and the monitor's event stream share the ops port (8083).
  http: (app, config, logger) =>
    gatewayHttpHandler(
      new CtiWebhook(app.get(CallsService), app.get(ConnectionCache), config.TELEPHONY_WEBHOOK_MAX_BYTES, logger),
      new MonitorSse(app.get(MonitorHub), new JwtVerifier(jwtVerifierOptionsFromConfig(config))),
      logger,
    ),
  // DEMO_DATA=true (set by `npm start`): an empty gateway gets demo PBX connections.
  afterStart: loadDemoConnections,
};

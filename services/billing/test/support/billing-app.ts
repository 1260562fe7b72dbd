import { randomUUID } from 'node:crypto';
import { loadConfig } from '@helpdesk/config';
import type { CloudEvent } from '@helpdesk/contracts';
import { startService, type RunningService } from '@helpdesk/runtime';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { billingConfigSchema } from '../../src/config';
import { billingServiceDefinition } from '../../src/service-definition';
import { grpcClient, type TestGrpcClient } from '@helpdesk/testing';

/** The billing service running in-process on real PostgreSQL and NATS, with a BillingService client. */
export interface BillingApp {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly service: RunningService;
  readonly billing: TestGrpcClient;
  readonly tokens: { agent: string; admin: string; integration: string };
  /** Publishes an event as its producer would (CloudEvent, Nats-Msg-Id = event id); returns the event id. */
  publish<T>(type: string, subject: string, data: T, id?: string): Promise<string>;
  /** Starts another replica of the service on the same database and subjects. */
  replica(): Promise<{ service: RunningService; billing: TestGrpcClient; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** Starts the service with its own database and subject prefix; `env` overrides configuration. */
export async function startBillingApp(label: string, env: Record<string, string> = {}): Promise<BillingApp> {
  const db = await createTestDatabase(label);
  const nats = await createTestNats(label);
  const start = async () => {
    const config = loadConfig(billingConfigSchema, {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      NATS_SUBJECT_PREFIX: nats.prefix,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      BILLING_TIME_ZONE: 'Europe/Berlin',
      ...env,
    });
    const service = await startService(billingServiceDefinition, config);
    const billing = grpcClient(service.grpcAddress, 'helpdesk.billing.v1.BillingService', 'helpdesk/billing/v1/billing.proto');
    return { service, billing };
  };
  const main = await start();
  const tokens = {
    agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
    admin: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] }),
    integration: await signTestJwt({ sub: 'erp-sync', roles: ['integration'] }),
  };
  return {
    db,
    nats,
    service: main.service,
    billing: main.billing,
    tokens,
    async publish(type, subject, data, id = randomUUID()) {
      const event: CloudEvent<typeof data> = { specversion: '1.0', id, source: 'helpdesk/test', type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
      await jetstream(nats.nc).publish(nats.naming.subject(type), JSON.stringify(event), { msgID: `${id}-${Math.random()}` });
      return id;
    },
    async replica() {
      const r = await start();
      return { ...r, stop: async () => { r.billing.close(); await r.service.stop(); } };
    },
    async stop() {
      main.billing.close();
      await main.service.stop();
      await nats.cleanup();
      await db.drop();
    },
  };
}

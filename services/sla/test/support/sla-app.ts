import { randomUUID } from 'node:crypto';
import { loadConfig } from '@helpdesk/config';
import type { CloudEvent, EventDefinition } from '@helpdesk/contracts';
import { DATA_SOURCE, startService, type RunningService } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { slaConfigSchema } from '../../src/config';
import { slaServiceDefinition } from '../../src/service-definition';
import { grpcClient, type TestGrpcClient } from '@helpdesk/testing';

/** One SLA service instance in-process on real PostgreSQL and NATS. */
export interface SlaInstance {
  readonly service: RunningService;
  readonly sla: TestGrpcClient;
  stop(): Promise<void>;
}

/** The SLA service with its own database and subject prefix, plus helpers to play the ticket service. */
export interface SlaApp extends SlaInstance {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly tokens: { agent: string; admin: string };
  /** Runs SQL on the service's database. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Another replica on the same database and NATS prefix. */
  startReplica(): Promise<SlaInstance>;
  /** Publishes an event as its owning service would (CloudEvent on its subject). */
  publish<D>(definition: EventDefinition, data: D, subject?: string): Promise<void>;
}

async function startInstance(db: TestDatabase, nats: TestNats, env: Record<string, string>): Promise<SlaInstance> {
  const config = loadConfig(slaConfigSchema, {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: nats.prefix,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    SLA_TIMER_POLL_MS: '50',
    ...env,
  });
  const service = await startService(slaServiceDefinition, config);
  const sla = grpcClient(service.grpcAddress, 'helpdesk.sla.v1.SlaService', 'helpdesk/sla/v1/sla.proto');
  return {
    service,
    sla,
    async stop() {
      sla.close();
      await service.stop();
    },
  };
}

export async function startSlaApp(label: string, env: Record<string, string> = {}): Promise<SlaApp> {
  const db = await createTestDatabase(label);
  const nats = await createTestNats(label);
  const first = await startInstance(db, nats, env);
  const replicas: SlaInstance[] = [];
  return {
    ...first,
    db,
    nats,
    tokens: {
      agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
      admin: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] }),
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await first.service.app.get<DataSource>(DATA_SOURCE).query(sql, params)) as T[],
    async startReplica() {
      const replica = await startInstance(db, nats, env);
      replicas.push(replica);
      return replica;
    },
    async publish(definition, data, subject) {
      const event: CloudEvent = {
        specversion: '1.0',
        id: randomUUID(),
        source: `helpdesk/${definition.domain === 'directory' ? 'ticket' : definition.domain}`,
        type: definition.type,
        ...(subject ? { subject } : {}),
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        data,
      };
      await jetstream(nats.nc).publish(nats.naming.subject(definition.type), JSON.stringify(event), { msgID: event.id });
    },
    async stop() {
      for (const r of replicas) await r.stop();
      await first.stop();
      await nats.cleanup();
      await db.drop();
    },
  };
}

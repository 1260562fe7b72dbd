import { loadConfig } from '@helpdesk/config';
import { startService, type RunningService } from '@helpdesk/runtime';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { knowledgeServiceDefinition } from '../../src/service-definition';
import { knowledgeConfigSchema } from '../../src/config';
import { grpcClient, type TestGrpcClient } from '@helpdesk/testing';

/** The knowledge service running in-process on real PostgreSQL and NATS, with clients for its gRPC services. */
export interface KnowledgeApp {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly service: RunningService;
  readonly knowledge: TestGrpcClient;
  /** Tokens signed with the service's test secret. */
  readonly tokens: { agent: string; admin: string; integration: string };
  customerToken(customerId: string, contactId: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the service with its own database and subject prefix; `env` overrides configuration. */
export async function startKnowledgeApp(label: string, env: Record<string, string> = {}): Promise<KnowledgeApp> {
  const db = await createTestDatabase(label);
  const nats = await createTestNats(label);
  const config = loadConfig(knowledgeConfigSchema, {
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: nats.prefix,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
  const service = await startService(knowledgeServiceDefinition, config);
  const clients: TestGrpcClient[] = [];
  const client = (name: string, protoFile: string) => {
    const c = grpcClient(service.grpcAddress, name, protoFile);
    clients.push(c);
    return c;
  };
  const knowledge = client('helpdesk.knowledge.v1.KnowledgeService', 'helpdesk/knowledge/v1/knowledge.proto');
  const tokens = {
    agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
    admin: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] }),
    integration: await signTestJwt({ sub: 'erp-sync', roles: ['integration'] }),
  };
  return {
    db,
    nats,
    service,
    knowledge,
    tokens,
    customerToken: (customerId, contactId) => signTestJwt({ sub: `contact-${contactId}`, roles: ['customer'], customerId, contactId }),
    async stop() {
      for (const c of clients) c.close();
      await service.stop();
      await nats.cleanup();
      await db.drop();
    },
  };
}


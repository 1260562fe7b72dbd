import { join } from 'node:path';
import { credentials, loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { GrpcController, GrpcModule } from '@helpdesk/grpc';
import { MessagingModule } from '@helpdesk/messaging';
import { platformMigrations } from '@helpdesk/persistence';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { DATA_SOURCE, runService, serviceConfigSchema, startService, type ServiceDefinition } from '../src';
import { loadConfig } from '@helpdesk/config';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const PROTO = join(__dirname, 'fixtures', 'ping.proto');

@GrpcController()
class PingGrpcController {
  @GrpcMethod('PingService', 'Ping')
  ping(request: { text: string }) {
    return { text: request.text };
  }
}

const configSchema = serviceConfigSchema({ grpc: 50099, http: 8099 });

const definition: ServiceDefinition<typeof configSchema> = {
  name: 'runtime-test',
  configSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: [...platformMigrations], applicationName: 'helpdesk-runtime-test' }),
  appModule: (config, logger) => {
    @Module({
      imports: [
        GrpcModule.forRoot({ auth: { secret: TEST_JWT_SECRET }, logger }),
        MessagingModule.forRoot({
          service: 'runtime-test',
          natsUrl: config.NATS_URL,
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          streams: { maxAgeMs: config.EVENT_RETENTION, duplicateWindowMs: config.EVENT_DUPLICATE_WINDOW },
        }),
      ],
      controllers: [PingGrpcController],
    })
    class RuntimeTestModule {}
    return RuntimeTestModule;
  },
  grpc: { packages: ['helpdesk.runtimetest.v1'], protoPaths: [PROTO] },
};


function healthCheck(address: string): Promise<string> {
  const pkg = loadPackageDefinition(loadSync(healthProtoPath, { keepCase: true, enums: String }));
  const Health = ((pkg['grpc'] as GrpcObject)['health'] as GrpcObject)['v1'] as GrpcObject;
  const client = new (Health['Health'] as ServiceClientConstructor)(address, credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client['check']!({ service: '' }, (error: Error | null, response?: { status: string }) => {
      client.close();
      if (error) reject(error);
      else resolve(response?.status ?? '');
    }),
  );
}

describe('runService', () => {
  let db: TestDatabase;
  let nats: TestNats;
  beforeAll(async () => {
    db = await createTestDatabase('runtime');
    nats = await createTestNats('runtime');
  });
  afterAll(async () => {
    await nats.cleanup();
    await db.drop();
  });

  const env = async () => ({
    DATABASE_URL: db.url,
    NATS_URL: nats.url,
    NATS_SUBJECT_PREFIX: nats.prefix,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
  });

  it('applies migrations with the migrate command and exits without serving', async () => {
    await expect(runService(definition, ['migrate'], await env())).resolves.toBeUndefined();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(['CreateOutbox1732350000000', 'CreateInbox1732350000001', 'CreateOutboxParked1795517400000']);
  });

  it('serves gRPC with health, answers the ops endpoints, and shuts down cleanly', async () => {
    const service = await startService(definition, loadConfig(configSchema, await env()));
    try {
      expect(await healthCheck(service.grpcAddress)).toBe('SERVING');
      const base = `http://127.0.0.1:${service.ops.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.text()).toMatch(/postgres.*migrations.*nats/s);
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('process_cpu_seconds_total');
    } finally {
      await service.stop();
    }
    await expect(healthCheck(service.grpcAddress)).rejects.toThrow();
  });

  it("runs the service's pool on the definition's data source", async () => {
    const service = await startService(definition, loadConfig(configSchema, await env()));
    try {
      const dataSource = service.app.get<DataSource>(DATA_SOURCE);
      const [session] = await dataSource.query<{ name: string }[]>('SELECT current_setting($1) AS name', ['application_name']);
      expect(session?.name).toBe('helpdesk-runtime-test');
    } finally {
      await service.stop();
    }
  });

  it('runs afterStart once the service serves, with its providers and config', async () => {
    const seen: { ready: boolean; port: number }[] = [];
    const withHook: ServiceDefinition<typeof configSchema> = {
      ...definition,
      afterStart: async (app, config) => {
        const dataSource = app.get<DataSource>(DATA_SOURCE);
        seen.push({ ready: dataSource.isInitialized, port: config.GRPC_PORT });
      },
    };
    const config = loadConfig(configSchema, await env());
    const service = await startService(withHook, config);
    try {
      expect(seen).toEqual([{ ready: true, port: config.GRPC_PORT }]);
      expect(await healthCheck(service.grpcAddress)).toBe('SERVING');
    } finally {
      await service.stop();
    }
  });

  it('hands other paths on the ops port to the http hook, with the app at hand', async () => {
    const withHttp: ServiceDefinition<typeof configSchema> = {
      ...definition,
      http: (app) => {
        const dataSource = app.get<DataSource>(DATA_SOURCE);
        return (request, response) => response.writeHead(202).end(`${request.method} ${request.url} ${dataSource.isInitialized}`);
      },
    };
    const service = await startService(withHttp, loadConfig(configSchema, await env()));
    try {
      const base = `http://127.0.0.1:${service.ops.port}`;
      const hooked = await fetch(`${base}/webhooks/cti`, { method: 'POST', body: 'x' });
      expect(hooked.status).toBe(202);
      expect(await hooked.text()).toBe('POST /webhooks/cti true');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });

  it('answers 404 on other paths without an http hook', async () => {
    const service = await startService(definition, loadConfig(configSchema, await env()));
    try {
      expect((await fetch(`http://127.0.0.1:${service.ops.port}/webhooks/cti`)).status).toBe(404);
    } finally {
      await service.stop();
    }
  });

  it('stops the service and fails the start when afterStart rejects', async () => {
    const failing: ServiceDefinition<typeof configSchema> = {
      ...definition,
      afterStart: () => Promise.reject(new Error('demo data broken')),
    };
    const config = loadConfig(configSchema, await env());
    await expect(startService(failing, config)).rejects.toThrow('demo data broken');
    await expect(healthCheck(`${config.GRPC_HOST}:${config.GRPC_PORT}`)).rejects.toThrow();
  });

  it('refuses to start on a bad variable, naming it', () => {
    expect(() => loadConfig(configSchema, { GRPC_PORT: 'fifty' })).toThrow('config: GRPC_PORT must be a port number (got "fifty")');
  });
});

import { randomUUID } from 'node:crypto';
import { credentials, loadPackageDefinition, Metadata, type Client, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { loadConfig } from '@helpdesk/config';
import { PROTO_ROOT, type CloudEvent } from '@helpdesk/contracts';
import { DEFAULT_LOADER_OPTIONS } from '@helpdesk/grpc';
import { DATA_SOURCE, startService, type RunningService } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { TEST_JWT_SECRET, createTestDatabase, createTestNats, freePort, signTestJwt, type TestDatabase, type TestNats } from '@helpdesk/testing';
import { jetstream } from '@nats-io/jetstream';
import { telephonyConfigSchema } from '../../src/config';
import { telephonyServiceDefinition } from '../../src/service-definition';

type Callback = (error: ServiceError | null, response?: unknown) => void;
type Unary = (request: object, metadata: Metadata, callback: Callback) => void;
type ServerStream = (request: object, metadata: Metadata) => NodeJS.ReadableStream & { cancel(): void };

/** A promise-based client of `helpdesk.telephony.v1.TelephonyService`. */
export interface TelephonyClient {
  call<T = Record<string, unknown>>(method: string, request: object, token: string): Promise<T>;
  /** A server stream; `received` fills as messages arrive, `cancel` ends it. */
  watch<T = Record<string, unknown>>(method: string, request: object, token: string): { received: T[]; cancel(): void };
  close(): void;
}

/** The gateway running in-process on real PostgreSQL and NATS. */
export interface GatewayApp {
  readonly db: TestDatabase;
  readonly nats: TestNats;
  readonly service: RunningService;
  readonly grpc: TelephonyClient;
  readonly httpBase: string;
  readonly tokens: { agent: string; admin: string; integration: string };
  /** Runs SQL on the gateway's database (inspecting state the API does not show, e.g. the outbox). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Publishes an event as another service would (e.g. the ticket service's directory events). */
  publish<T>(type: string, subject: string, data: T): Promise<void>;
  stop(): Promise<void>;
}

export async function startGatewayApp(label: string, env: Record<string, string> = {}): Promise<GatewayApp> {
  const db = await createTestDatabase(label);
  const nats = await createTestNats(label);
  const config = loadConfig(telephonyConfigSchema, {
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
  const service = await startService(telephonyServiceDefinition, config);
  const grpc = telephonyClient(service.grpcAddress);
  return {
    db,
    nats,
    service,
    grpc,
    httpBase: `http://127.0.0.1:${service.ops.port}`,
    tokens: {
      agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
      admin: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e02', roles: ['admin'] }),
      integration: await signTestJwt({ sub: 'erp-sync', roles: ['integration'] }),
    },
    sql: async <T>(query: string, params: unknown[] = []) => (await service.app.get<DataSource>(DATA_SOURCE).query(query, params)) as T[],
    async publish(type, subject, data) {
      const event: CloudEvent<typeof data> = { specversion: '1.0', id: randomUUID(), source: 'helpdesk/ticket', type, subject, time: new Date().toISOString(), datacontenttype: 'application/json', data };
      await jetstream(nats.nc).publish(nats.naming.subject(type), JSON.stringify(event), { msgID: event.id });
    },
    async stop() {
      grpc.close();
      await service.stop();
      await nats.cleanup();
      await db.drop();
    },
  };
}

function telephonyClient(address: string): TelephonyClient {
  const definition = loadSync('helpdesk/telephony/v1/telephony.proto', { ...DEFAULT_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
  const pkg = loadPackageDefinition(definition);
  const Service = (((pkg['helpdesk'] as GrpcObject)['telephony'] as GrpcObject)['v1'] as GrpcObject)['TelephonyService'] as ServiceClientConstructor;
  const raw: Client = new Service(address, credentials.createInsecure());
  const metadataFor = (token: string) => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    return metadata;
  };
  const method = <F>(name: string): F => ((raw as unknown as Record<string, F>)[name] as unknown as (...args: unknown[]) => unknown).bind(raw) as F;
  return {
    call: (name, request, token) =>
      new Promise((resolve, reject) => method<Unary>(name)(request, metadataFor(token), (error, response) => (error ? reject(error) : resolve(response as never)))),
    watch: <T>(name: string, request: object, token: string) => {
      const received: T[] = [];
      const stream = method<ServerStream>(name)(request, metadataFor(token));
      stream.on('data', (item: T) => received.push(item));
      stream.on('error', () => undefined);
      return { received, cancel: () => stream.cancel() };
    },
    close: () => raw.close(),
  };
}

/** Posts one CTI webhook event, form-encoded as sipgate and Zammad send them. */
export async function postCti(app: GatewayApp, connectionId: string, token: string | null, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${app.httpBase}/cti/${connectionId}`, { method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates a CTI webhook connection; returns its id and token. */
export async function createCtiConnection(app: GatewayApp, name: string): Promise<{ id: string; token: string }> {
  const response = await app.grpc.call<{ connection: { id: string }; token: string }>('CreatePbxConnection', { name, kind: 'PBX_CONNECTION_KIND_CTI_WEBHOOK' }, app.tokens.admin);
  return { id: response.connection.id, token: response.token };
}

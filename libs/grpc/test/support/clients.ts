import { dirname, join } from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  Metadata,
  type Client,
  type ClientDuplexStream,
  type GrpcObject,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { ECHO_PROTO, PROTO_DIR } from './echo-app';

type UnaryMethod = (request: object, metadata: Metadata, callback: (error: ServiceError | null, response?: unknown) => void) => void;

/** A plain grpc-js client with promise-returning unary calls. */
export interface TestClient {
  call(method: string, request: object, metadata?: Metadata): Promise<Record<string, unknown>>;
  /** The error of a call that must fail. */
  fail(method: string, request: object, metadata?: Metadata): Promise<ServiceError>;
  readonly raw: Client;
  close(): void;
}

const REFLECTION_PROTO_ROOT = join(dirname(require.resolve('@grpc/reflection/package.json')), 'build', 'proto');

function serviceConstructor(protoPath: string, service: string, includeDirs: string[] = []): ServiceClientConstructor {
  const definition = loadSync(protoPath, { keepCase: true, longs: String, enums: String, defaults: true, includeDirs });
  let node: GrpcObject | ServiceClientConstructor | undefined = loadPackageDefinition(definition);
  for (const part of service.split('.')) {
    node = typeof node === 'function' ? undefined : (node?.[part] as GrpcObject | ServiceClientConstructor | undefined);
  }
  if (typeof node !== 'function') throw new Error(`no service ${service} in ${protoPath}`);
  return node;
}

function testClient(constructor: ServiceClientConstructor, address: string): TestClient {
  const raw = new constructor(address, credentials.createInsecure());
  const call = (method: string, request: object, metadata = new Metadata()) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const fn = (raw as unknown as Record<string, UnaryMethod>)[method];
      if (!fn) throw new Error(`no method ${method}`);
      fn.call(raw, request, metadata, (error, response) => (error ? reject(error) : resolve(response as Record<string, unknown>)));
    });
  const fail = (method: string, request: object, metadata?: Metadata) =>
    call(method, request, metadata).then(
      (response) => {
        throw new Error(`expected ${method} to fail, got ${JSON.stringify(response)}`);
      },
      (error: ServiceError) => error,
    );
  return { call, fail, raw, close: () => raw.close() };
}

/** A client of the echo fixture service. */
export function echoClient(address: string): TestClient {
  return testClient(serviceConstructor(ECHO_PROTO, 'helpdesk.testing.v1.EchoService', [PROTO_DIR]), address);
}

/** A client of `grpc.health.v1.Health`. */
export function healthClient(address: string): TestClient {
  return testClient(serviceConstructor(healthProtoPath, 'grpc.health.v1.Health'), address);
}

interface ReflectionResponse {
  list_services_response?: { service: { name: string }[] };
}

interface ReflectionClient {
  ServerReflectionInfo(): ClientDuplexStream<{ list_services: string }, ReflectionResponse>;
}

/** The service names listed by server reflection (`v1` or `v1alpha`), as grpcurl would. */
export async function listServicesByReflection(address: string, version: 'v1' | 'v1alpha'): Promise<string[]> {
  const constructor = serviceConstructor(
    join(REFLECTION_PROTO_ROOT, 'grpc', 'reflection', version, 'reflection.proto'),
    `grpc.reflection.${version}.ServerReflection`,
  );
  const client = new constructor(address, credentials.createInsecure());
  try {
    const stream = (client as unknown as ReflectionClient).ServerReflectionInfo();
    const response = new Promise<string[]>((resolve, reject) => {
      stream.once('data', (message: ReflectionResponse) =>
        resolve((message.list_services_response?.service ?? []).map((s) => s.name)),
      );
      stream.once('error', reject);
    });
    stream.write({ list_services: '' });
    const names = await response;
    stream.end();
    return names;
  } finally {
    client.close();
  }
}

import { credentials, loadPackageDefinition, Metadata, type Client, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, PROTO_ROOT } from '@helpdesk/contracts';

type Callback = (error: ServiceError | null, response?: unknown) => void;
type Unary = (request: object, metadata: Metadata, callback: Callback) => void;
type ServerStream = (request: object, metadata: Metadata) => NodeJS.ReadableStream;

/** A promise-based client for one gRPC service of the platform's protos, as an API client sees it (tests). */
export interface TestGrpcClient {
  /** A unary call; rejects with the ServiceError (code, details). */
  call<T = Record<string, unknown>>(method: string, request: object, token?: string): Promise<T>;
  /** A server-streaming call; resolves with every message. */
  stream<T = Record<string, unknown>>(method: string, request: object, token?: string): Promise<T[]>;
  close(): void;
}

/** Connects to `service` (e.g. `helpdesk.ticket.v1.TicketService`) defined in `protoFile` under PROTO_ROOT. */
export function grpcClient(address: string, service: string, protoFile: string): TestGrpcClient {
  const definition = loadSync(protoFile, { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
  let node: GrpcObject | ServiceClientConstructor | undefined = loadPackageDefinition(definition);
  for (const part of service.split('.')) node = typeof node === 'function' ? undefined : (node?.[part] as GrpcObject | ServiceClientConstructor | undefined);
  if (typeof node !== 'function') throw new Error(`no service ${service} in ${protoFile}`);
  const raw: Client = new node(address, credentials.createInsecure());
  const metadataFor = (token?: string) => {
    const metadata = new Metadata();
    if (token) metadata.set('authorization', `Bearer ${token}`);
    return metadata;
  };
  const method = <F>(name: string): F => {
    const fn = (raw as unknown as Record<string, F | undefined>)[name];
    if (!fn) throw new Error(`${service} has no method ${name}`);
    return (fn as unknown as (...args: unknown[]) => unknown).bind(raw) as F;
  };
  return {
    call: (name, request, token) =>
      new Promise((resolve, reject) => method<Unary>(name)(request, metadataFor(token), (error, response) => (error ? reject(error) : resolve(response as never)))),
    stream: (name, request, token) =>
      new Promise((resolve, reject) => {
        const items: unknown[] = [];
        const call = method<ServerStream>(name)(request, metadataFor(token));
        call.on('data', (item: unknown) => {
          items.push(item);
        });
        call.on('error', reject);
        call.on('end', () => resolve(items as never));
      }),
    close: () => raw.close(),
  };
}

import { credentials, loadPackageDefinition, Metadata, status, type ChannelOptions, type Client, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, PROTO_ROOT } from '@helpdesk/contracts';
import { protoPath as healthProtoPath } from 'grpc-health-check';

/** The wire format of the platform's gRPC clients (camelCase, longs as strings, enums by name, defaults filled). */
export const LOADER_OPTIONS: Options = { ...PROTO_LOADER_OPTIONS };

type Callback = (error: ServiceError | null, response?: unknown) => void;
type Unary = (request: object, metadata: Metadata, options: { deadline: number }, callback: Callback) => void;

/** A promise-based unary client of one gRPC service, loaded the way API clients load the protos. */
export interface UnaryClient {
  /** Calls `method`; rejects with the grpc-js ServiceError (code, details). */
  call<T = Record<string, unknown>>(method: string, request: object, token?: string): Promise<T>;
  close(): void;
}

export interface UnaryClientOptions {
  /** Per-call deadline; 30 s unless given. */
  readonly deadlineMs?: number;
  readonly channelOptions?: ChannelOptions;
}

const CALL_DEADLINE_MS = 30_000;

/** The client constructor of `service` (`package.Service`) in the loaded definition. */
export function serviceConstructor(definition: PackageDefinition, service: string): ServiceClientConstructor {
  let node: GrpcObject | ServiceClientConstructor | undefined = loadPackageDefinition(definition);
  for (const part of service.split('.')) node = typeof node === 'function' ? undefined : (node?.[part] as GrpcObject | ServiceClientConstructor | undefined);
  if (typeof node !== 'function') throw new Error(`no service ${service} in the loaded protos`);
  return node;
}

/** Bearer-token metadata (empty without a token). */
export function bearer(token?: string): Metadata {
  const metadata = new Metadata();
  if (token) metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

/** Tokens whose metadata one client keeps; a load generator cycles through a handful. */
const METADATA_KEPT = 64;

/**
 * The bearer metadata of a token, built once per token: grpc-js clones a call's metadata when the
 * call starts, so one object can go with every call, and building and validating it anew was
 * avoidable work in a load generator measuring its own CPU per call.
 */
function tokenMetadata(): (token?: string) => Metadata {
  const kept = new Map<string, Metadata>();
  return (token) => {
    const key = token ?? '';
    let metadata = kept.get(key);
    if (!metadata) {
      if (kept.size >= METADATA_KEPT) kept.clear();
      metadata = bearer(token);
      kept.set(key, metadata);
    }
    return metadata;
  };
}

export function unaryClient(address: string, definition: PackageDefinition, service: string, options: UnaryClientOptions = {}): UnaryClient {
  const Constructor = serviceConstructor(definition, service);
  const raw: Client = new Constructor(address, credentials.createInsecure(), options.channelOptions);
  const methods = raw as unknown as Record<string, Unary | undefined>;
  const deadlineMs = options.deadlineMs ?? CALL_DEADLINE_MS;
  const metadataOf = tokenMetadata();
  return {
    call: (name, request, token) =>
      new Promise((resolve, reject) => {
        const fn = methods[name];
        if (!fn) throw new Error(`${service} has no method ${name}`);
        fn.call(raw, request, metadataOf(token), { deadline: Date.now() + deadlineMs }, (error, response) => (error ? reject(error) : resolve(response as never)));
      }),
    close: () => raw.close(),
  };
}

/** A unary client of `service` (e.g. `helpdesk.sla.v1.SlaService`) declared in `protoFile` under the contracts' proto root. */
export function platformClient(address: string, protoFile: string, service: string, options: UnaryClientOptions = {}): UnaryClient {
  return unaryClient(address, loadSync(protoFile, { ...LOADER_OPTIONS, includeDirs: [PROTO_ROOT] }), service, options);
}

/** The status name of a failed call (`UNAVAILABLE`, `DEADLINE_EXCEEDED`, …), or the error's message. */
export function errorCodeOf(error: unknown): string {
  const code = (error as Partial<ServiceError> | undefined)?.code;
  if (typeof code === 'number') return status[code] ?? String(code);
  return error instanceof Error ? error.message : String(error);
}

/** Whether `grpc.health.v1.Health/Check` of the whole server answers SERVING. */
export async function isServing(address: string): Promise<boolean> {
  const health = unaryClient(address, loadSync(healthProtoPath, LOADER_OPTIONS), 'grpc.health.v1.Health');
  try {
    const response = await health.call<{ status?: string }>('Check', { service: '' });
    return response.status === 'SERVING';
  } catch {
    return false;
  } finally {
    health.close();
  }
}

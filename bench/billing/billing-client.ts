import { credentials, type Client, type Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_ROOT } from '@helpdesk/contracts';
import { LOADER_OPTIONS, bearer, serviceConstructor } from '../support/grpc-client';

type Callback = (error: ServiceError | null, response?: unknown) => void;
type Unary = (request: object, metadata: Metadata, options: { deadline: number }, callback: Callback) => void;
type ServerStream = (request: object, metadata: Metadata, options: { deadline: number }) => NodeJS.ReadableStream;

/** A BillingService client for the benchmark: no message size limit, long deadlines (a run over 10 000 customers is one response). */
export interface BenchBillingClient {
  call<T>(method: string, request: object, token: string): Promise<T>;
  stream<T>(method: string, request: object, token: string): Promise<T[]>;
  close(): void;
}

const DEADLINE_MS = 15 * 60_000;

export function billingClient(address: string): BenchBillingClient {
  const definition = loadSync('helpdesk/billing/v1/billing.proto', { ...LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
  const Constructor = serviceConstructor(definition, 'helpdesk.billing.v1.BillingService');
  const raw: Client = new Constructor(address, credentials.createInsecure(), { 'grpc.max_receive_message_length': -1 });
  const unary = raw as unknown as Record<string, Unary>;
  const streaming = raw as unknown as Record<string, ServerStream>;
  return {
    call: (name, request, token) =>
      new Promise((resolve, reject) => unary[name]!.call(raw, request, bearer(token), { deadline: Date.now() + DEADLINE_MS }, (error, response) => (error ? reject(error) : resolve(response as never)))),
    stream: (name, request, token) =>
      new Promise((resolve, reject) => {
        const items: unknown[] = [];
        const call = streaming[name]!.call(raw, request, bearer(token), { deadline: Date.now() + DEADLINE_MS });
        call.on('data', (item: unknown) => items.push(item));
        call.on('error', reject);
        call.on('end', () => resolve(items as never));
      }),
    close: () => raw.close(),
  };
}

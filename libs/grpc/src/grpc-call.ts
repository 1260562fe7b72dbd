import type { Metadata } from '@grpc/grpc-js';
import type { ArgumentsHost, ExecutionContext } from '@nestjs/common';

/** The parts of an incoming gRPC call the interceptors need. */
export interface GrpcCall {
  readonly metadata: Metadata;
  /** `helpdesk.ticket.v1.TicketService/CreateTicket` (no leading slash). */
  readonly path: string;
}

/** True when Nest is handling a gRPC call (as opposed to HTTP in a hybrid app). */
export function isGrpcContext(context: ExecutionContext): boolean {
  return context.getType() === 'rpc' && isMetadata(context.getArgByIndex(1));
}

/** The metadata and method path of the gRPC call behind `context`. */
export function grpcCallOf(context: ExecutionContext): GrpcCall {
  const metadata: unknown = context.getArgByIndex(1);
  if (!isMetadata(metadata)) throw new Error('grpcCallOf: not a gRPC call');
  const path = rpcPathOf(context) ?? `${context.getClass().name}/${context.getHandler().name}`;
  return { metadata, path };
}

/** `helpdesk.ticket.v1.TicketService/CreateTicket` for a gRPC call, `undefined` for anything else. */
export function rpcPathOf(host: ArgumentsHost): string | undefined {
  const call: unknown = host.getArgByIndex(2);
  return hasGetPath(call) ? call.getPath().replace(/^\//, '') : undefined;
}

/** The first string value of a metadata key. */
export function metadataValue(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key).find((v) => typeof v === 'string');
  return typeof value === 'string' ? value : undefined;
}

/** Duck-typed so that a second copy of @grpc/grpc-js in node_modules cannot break auth silently. */
export function isMetadata(value: unknown): value is Metadata {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Metadata>).get === 'function' &&
    typeof (value as Partial<Metadata>).getMap === 'function'
  );
}

function hasGetPath(value: unknown): value is { getPath(): string } {
  return typeof value === 'object' && value !== null && typeof (value as { getPath?: unknown }).getPath === 'function';
}

import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { Root } from 'protobufjs';
import type { FieldViolation } from './request-validation.error';

/** The trailer that carries a binary `google.rpc.Status` with error details (the rich error model). */
export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE_URL = 'type.googleapis.com/google.rpc.BadRequest';

const root = Root.fromJSON({
  nested: {
    google: {
      nested: {
        protobuf: { nested: { Any: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } } } },
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'google.protobuf.Any', id: 3 },
              },
            },
            BadRequest: {
              fields: { field_violations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: {
                FieldViolation: { fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 } } },
              },
            },
          },
        },
      },
    },
  },
});
const statusType = root.lookupType('google.rpc.Status');
const badRequestType = root.lookupType('google.rpc.BadRequest');

/** Trailers carrying `violations` as a `google.rpc.BadRequest` inside a `google.rpc.Status`. */
export function badRequestTrailers(code: number, message: string, violations: readonly FieldViolation[]): Metadata {
  const badRequest = badRequestType.encode({ field_violations: violations.map((v) => ({ ...v })) }).finish();
  const status = statusType.encode({ code, message, details: [{ type_url: BAD_REQUEST_TYPE_URL, value: badRequest }] }).finish();
  const metadata = new Metadata();
  metadata.set(STATUS_DETAILS_KEY, Buffer.from(status));
  return metadata;
}

/**
 * The field violations a client received with an `INVALID_ARGUMENT` error (empty when there are
 * none). For clients and end-to-end tests.
 */
export function fieldViolationsOf(error: Pick<ServiceError, 'metadata'>): FieldViolation[] {
  const [raw] = error.metadata?.get(STATUS_DETAILS_KEY) ?? [];
  if (!(raw instanceof Buffer)) return [];
  const status = statusType.toObject(statusType.decode(raw), { arrays: true }) as { details: { type_url: string; value: Uint8Array }[] };
  return status.details
    .filter((detail) => detail.type_url === BAD_REQUEST_TYPE_URL)
    .flatMap((detail) => {
      const badRequest = badRequestType.toObject(badRequestType.decode(detail.value), { arrays: true, defaults: true }) as {
        field_violations: FieldViolation[];
      };
      return badRequest.field_violations.map(({ field, description }) => ({ field, description }));
    });
}

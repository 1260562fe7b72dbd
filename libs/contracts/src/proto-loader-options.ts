/**
 * How the platform's `.proto` messages become JavaScript objects (@grpc/proto-loader options), for
 * servers and API clients alike: camelCase field names, int64 as decimal strings (no precision
 * loss), enums as their names, defaults filled in (so an unset string arrives as `''` and
 * validation can name it), oneofs with a virtual case field. Code generated from the protos
 * (ts-proto) is configured to match.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  arrays: true,
  oneofs: true,
} as const;

import type { Metadata } from '@grpc/grpc-js';
import type { TextMapGetter } from '@opentelemetry/api';

/** Reads W3C trace context (`traceparent`, `tracestate`) from gRPC metadata. */
export const metadataGetter: TextMapGetter<Metadata> = {
  keys: (metadata) => Object.keys(metadata.getMap()),
  get: (metadata, key) => {
    const values = metadata.get(key).filter((v): v is string => typeof v === 'string');
    if (values.length === 0) return undefined;
    return values.length === 1 ? values[0] : values;
  },
};

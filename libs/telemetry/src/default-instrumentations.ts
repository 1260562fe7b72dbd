import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { GrpcClientInstrumentation } from './grpc-client-instrumentation';
import { OPS_PATHS } from './ops-paths';

/** One instrumentation (or a group of them) as the OpenTelemetry NodeSDK takes it. */
export type TelemetryInstrumentation = NodeSDKConfiguration['instrumentations'][number];

/**
 * PostgreSQL (`pg`), gRPC client (`@grpc/grpc-js`) and HTTP instrumentations. Probe and scrape
 * requests to the ops endpoints are not traced: they arrive every few seconds and say nothing.
 * gRPC server calls get their one SERVER span from `@helpdesk/grpc`'s interceptor (see
 * {@link GrpcClientInstrumentation}).
 */
export function defaultInstrumentations(): TelemetryInstrumentation[] {
  return [
    new PgInstrumentation({ requireParentSpan: true }),
    new GrpcClientInstrumentation(),
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => OPS_PATHS.has(pathOf(request.url)),
    }),
  ];
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?', 1)[0] ?? '/';
}

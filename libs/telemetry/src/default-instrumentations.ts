import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { GrpcClientInstrumentation } from './grpc-client-instrumentation';
import { OPS_PATHS } from './ops-paths';
import { SampledPgInstrumentation } from './sampled-pg-instrumentation';

/** One instrumentation (or a group of them) as the OpenTelemetry NodeSDK takes it. */
export type TelemetryInstrumentation = NodeSDKConfiguration['instrumentations'][number];

/**
 * PostgreSQL (`pg`, when `sql`: only under a recording span, see {@link SampledPgInstrumentation}), gRPC
 * client (`@grpc/grpc-js`) and HTTP instrumentations. Probe and scrape
 * requests to the ops endpoints are not traced: they arrive every few seconds and say nothing.
 * gRPC server calls get their one SERVER span from `@helpdesk/grpc`'s interceptor (see
 * {@link GrpcClientInstrumentation}).
 */
export function defaultInstrumentations(options: { readonly sql: boolean } = { sql: true }): TelemetryInstrumentation[] {
  return [
    ...(options.sql ? [new SampledPgInstrumentation()] : []),
    new GrpcClientInstrumentation(),
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => OPS_PATHS.has(pathOf(request.url)),
    }),
  ];
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?', 1)[0] ?? '/';
}

/**
 * Preload entry: `node --require @helpdesk/telemetry/register dist/main.js`. Starts telemetry from
 * OTEL_SERVICE_NAME, OTEL_SERVICE_VERSION and OTEL_EXPORTER_OTLP_ENDPOINT before the service loads
 * pg, gRPC or http, so the instrumentations can patch them. A bad value stops the process with one
 * line naming the variable (exit 78). The service flushes telemetry at shutdown through
 * `runningTelemetry()?.shutdown()`.
 */
import { loadConfigOrExit } from '@helpdesk/config';
import { startTelemetry } from './start-telemetry';
import { telemetryConfigSchema } from './telemetry-config';

const config = loadConfigOrExit(telemetryConfigSchema);
startTelemetry({
  serviceName: config.OTEL_SERVICE_NAME,
  serviceVersion: config.OTEL_SERVICE_VERSION,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});

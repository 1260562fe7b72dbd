import { httpUrl } from '@helpdesk/config';
import { z } from 'zod';

/**
 * The variables the telemetry preload (`@helpdesk/telemetry/register`) reads. A service may
 * `.extend()` its own schema with it so that its README's configuration table lists them too.
 */
export const telemetryConfigSchema = z.object({
  /** `service.name` on every span, e.g. `ticket`. Required: spans from an unnamed service are useless. */
  OTEL_SERVICE_NAME: z
    .string({ error: 'must be set to the service name (e.g. ticket)' })
    .regex(/^[A-Za-z0-9._-]+$/, { message: 'must be letters, digits, ".", "_" or "-"' }),
  /** `service.version` on every span; unset leaves it out. */
  OTEL_SERVICE_VERSION: z.string().min(1).optional(),
  /** OTLP/HTTP base endpoint (traces go to `<endpoint>/v1/traces`); unset turns tracing off (no spans). */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl().optional(),
});

/** The parsed telemetry configuration. */
export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;

import { z } from 'zod';
import { duration, httpUrl, logLevel, natsUrl, positiveInt, postgresUrl, subjectPrefix } from './env-fields';

/**
 * The variables every service reads. A service's own `config.ts` extends this with its ports
 * and feature settings: `commonConfigSchema.extend({ GRPC_PORT: port().default(50051) })`.
 */
export const commonConfigSchema = z.object({
  /** PostgreSQL of this service. */
  DATABASE_URL: postgresUrl().default('postgres://postgres@127.0.0.1:5432/helpdesk'),
  /** NATS servers, comma-separated. */
  NATS_URL: natsUrl().default('nats://127.0.0.1:4222'),
  /** Path of the NATS credentials: a `.creds` file (user JWT + nkey seed) or an nkey user seed file (`SU…`); unset for an open server. */
  NATS_CREDS: z.string().min(1).optional(),
  /** Prefix in front of every subject and stream, to share one NATS between environments. */
  NATS_SUBJECT_PREFIX: subjectPrefix().default(''),
  /** How long streams keep events (JetStream max age). */
  EVENT_RETENTION: duration().default(30 * 86_400_000),
  /** JetStream duplicate window for Nats-Msg-Id de-duplication. */
  EVENT_DUPLICATE_WINDOW: duration().default(2 * 60_000),
  /** Deliveries of one event before it moves to the service's DLQ. */
  CONSUMER_MAX_DELIVER: positiveInt().default(5),
  /**
   * Events one consumer of one replica handles at the same time; events of the same subject
   * (one ticket, call, contract…) always one after another. Each holds a database connection.
   */
  CONSUMER_CONCURRENCY: positiveInt().default(8),
  /**
   * OTLP/HTTP endpoint for traces; unset: trace ids for logs and propagation, nothing
   * exported, no SQL spans. Sampling: OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG, e.g.
   * parentbased_traceidratio and 0.05.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl().optional(),
  LOG_LEVEL: logLevel().default('info'),
  /** JWKS URL for verifying bearer tokens (production). */
  AUTH_JWKS_URL: httpUrl().optional(),
  /** HS256 shared secret for bearer tokens (development), at least 32 characters. */
  AUTH_JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** Expected `iss` claim, when set. */
  AUTH_ISSUER: z.string().min(1).optional(),
  /** Expected `aud` claim, when set. */
  AUTH_AUDIENCE: z.string().min(1).optional(),
});

/** The parsed common configuration. */
export type CommonConfig = z.infer<typeof commonConfigSchema>;

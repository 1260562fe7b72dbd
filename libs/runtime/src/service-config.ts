import { bool, commonConfigSchema, port } from '@helpdesk/config';
import { messagingConfigSchema } from '@helpdesk/messaging';
import { z } from 'zod';

/** The ports a service listens on by default (ARCHITECTURE.md: ticket 50051/8081, …). */
export interface DefaultPorts {
  readonly grpc: number;
  readonly http: number;
}

/**
 * The configuration every service has: the common variables, the messaging knobs (outbox relay,
 * consumer retries and ack wait; `messagingSettings(config)` turns them into the
 * MessagingModule options), where it listens and whether it migrates at start. A service extends
 * it with its own fields.
 */
export function serviceConfigSchema(ports: DefaultPorts) {
  return commonConfigSchema.extend(messagingConfigSchema.shape).extend({
    /** gRPC listen address. */
    GRPC_HOST: z.string().min(1).default('0.0.0.0'),
    GRPC_PORT: port().default(ports.grpc),
    /** HTTP listen address for /healthz, /readyz, /metrics (and webhooks). */
    HTTP_HOST: z.string().min(1).default('0.0.0.0'),
    HTTP_PORT: port().default(ports.http),
    /** Apply pending migrations at start (turn off when a migration Job runs them). */
    MIGRATE_ON_START: bool().default(true),
  });
}

/** The parsed configuration of {@link serviceConfigSchema}. */
export type ServiceConfig = z.infer<ReturnType<typeof serviceConfigSchema>>;

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@helpdesk/config';
import { grpcServerOptions, type GrpcServerParams } from '@helpdesk/grpc';
import { NATS_CONNECTION } from '@helpdesk/messaging';
import { createDataSource, migrateCommand, type DataSourceConfig } from '@helpdesk/persistence';
import { createLogger, runningTelemetry, startOpsServer, startTelemetry, type Logger, type OpsServer } from '@helpdesk/telemetry';
import type { NatsConnection } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { DATA_SOURCE, DatabaseModule } from './database.module';
import { NestPinoLogger } from './nest-logger';
import { standardReadinessChecks } from './readiness-checks';
import type { ServiceConfig } from './service-config';

/** What a service tells the runtime about itself; `main.ts` is one call with this. */
export interface ServiceDefinition<S extends z.ZodObject> {
  /** Short name: `ticket`, `mail-gateway`, … (event source `helpdesk/<name>`). */
  readonly name: string;
  /** The service's env schema, built on `serviceConfigSchema`. */
  readonly configSchema: S;
  /**
   * Where its database is, how its sessions are set up and which migrations it has: the one
   * source of the running service's pool (the runtime provides `DATA_SOURCE` from it) and of the
   * `migrate` command.
   */
  dataSource(config: z.infer<S> & ServiceConfig): DataSourceConfig;
  /** The root module for this configuration; `DATA_SOURCE` is global and comes from {@link dataSource}. */
  appModule(config: z.infer<S> & ServiceConfig, logger: Logger): Type | DynamicModule;
  /** The gRPC packages and proto files it serves (the address comes from the config). */
  readonly grpc: Omit<GrpcServerParams, 'url'>;
  /**
   * Runs once the service has started (gRPC listening, ops endpoints up, "started" logged), with
   * the app's providers at hand (`app.get(...)`), e.g. to load demo data. A rejection stops the
   * service and fails the start.
   */
  afterStart?(app: INestMicroservice, config: z.infer<S> & ServiceConfig, logger: Logger): Promise<void>;
  /**
   * Serves paths other than `/healthz`, `/readyz` and `/metrics` on the ops HTTP port (e.g. a
   * gateway's webhooks and event streams): called once the app has started, with its providers
   * at hand, and returns the handler. Without it those paths answer 404.
   */
  http?(app: INestMicroservice, config: z.infer<S> & ServiceConfig, logger: Logger): HttpFallback;
}

/** Handles one ops-port request for a path the ops server does not serve itself. */
export type HttpFallback = (request: IncomingMessage, response: ServerResponse) => void;

/** A started service, for tests and for the shutdown path. */
export interface RunningService {
  readonly app: INestMicroservice;
  readonly ops: OpsServer;
  readonly grpcAddress: string;
  /** SIGTERM path: NOT_SERVING, stop taking work, finish handlers, flush the outbox, close. */
  stop(): Promise<void>;
}

/**
 * Starts a service: validated config → (`migrate` command and exit) → telemetry → Nest gRPC app
 * with health and reflection → ops HTTP (/healthz, /readyz, /metrics) → signal handling.
 */
export async function runService<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService | undefined> {
  const config = loadConfigOrExit(definition.configSchema, env) as z.infer<S> & ServiceConfig;
  if (argv[0] === 'migrate') {
    await migrateCommand(createDataSource(definition.dataSource(config)));
    return undefined;
  }
  const service = await startService(definition, config);
  const onSignal = (signal: NodeJS.Signals) => {
    void service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${definition.name}: shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return service;
}

/** Starts a service with an already-loaded configuration and no signal handlers (tests). */
export async function startService<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  config: z.infer<S> & ServiceConfig,
): Promise<RunningService> {
  const telemetry = runningTelemetry() ?? startTelemetry({ serviceName: `helpdesk-${definition.name}`, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = createLogger({ name: definition.name, level: config.LOG_LEVEL });
  const grpcAddress = `${config.GRPC_HOST}:${config.GRPC_PORT}`;
  const setup = grpcServerOptions({ ...definition.grpc, url: grpcAddress });
  const app = await NestFactory.createMicroservice(serviceRootModule(definition, config, logger), {
    ...setup.microservice,
    logger: new NestPinoLogger(logger),
  });
  await app.listen();
  const dataSource = app.get<DataSource>(DATA_SOURCE);
  const nc = app.get<NatsConnection>(NATS_CONNECTION);
  const fallback = definition.http?.(app, config, logger);
  const ops = await startOpsServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    readiness: standardReadinessChecks(dataSource, nc),
    logger,
    ...(fallback ? { fallback } : {}),
  });
  logger.info({ grpc: grpcAddress, http: ops.port }, `${definition.name} started`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      setup.health.setNotServing();
      await app.close();
      await ops.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await telemetry.shutdown();
    })();
    return stopping;
  };
  if (definition.afterStart) {
    try {
      await definition.afterStart(app, config, logger);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { app, ops, grpcAddress, stop };
}

@Module({})
class ServiceRootModule {}

/**
 * The service's app module under the database the definition names. A service that built its own
 * `DatabaseModule` could drift from `dataSource` (the knowledge service ran for a while without
 * the session settings its migrate command had).
 */
function serviceRootModule<S extends z.ZodObject>(definition: ServiceDefinition<S>, config: z.infer<S> & ServiceConfig, logger: Logger): DynamicModule {
  return {
    module: ServiceRootModule,
    imports: [DatabaseModule.forRoot({ ...definition.dataSource(config), migrateOnStart: config.MIGRATE_ON_START }), definition.appModule(config, logger)],
  };
}

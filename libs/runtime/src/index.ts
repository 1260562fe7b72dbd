export { DATA_SOURCE, DatabaseModule } from './database.module';
export { NestPinoLogger } from './nest-logger';
export { standardReadinessChecks } from './readiness-checks';
export { runService, startService } from './run-service';
export type { HttpFallback, RunningService, ServiceDefinition } from './run-service';
export { serviceConfigSchema } from './service-config';
export type { DefaultPorts, ServiceConfig } from './service-config';

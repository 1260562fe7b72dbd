import type { JwtVerifier, JwtVerifierOptions } from '@helpdesk/auth';
import type { DomainErrorMapper } from './errors/grpc-status';

/** Where unexpected errors are reported; pino's logger fits (`logger.error({ err }, 'msg')`). */
export interface GrpcLogger {
  error(details: Readonly<Record<string, unknown>>, message: string): void;
}

/** Configuration of {@link GrpcModule}. */
export interface GrpcModuleOptions {
  /**
   * A verifier, or the options to build one (usually `jwtVerifierOptionsFromConfig(config)`); built
   * from options, it keeps verified tokens (`cacheSize`, default `DEFAULT_VERIFIED_TOKENS_KEPT`).
   */
  readonly auth: JwtVerifier | JwtVerifierOptions;
  /** The service's map from its domain errors to gRPC statuses. */
  readonly mapDomainError?: DomainErrorMapper;
  /** Receives every unexpected error with its trace id; the client only sees `internal error`. */
  readonly logger: GrpcLogger;
}

/** Injection token of the {@link GrpcModuleOptions}. */
export const GRPC_MODULE_OPTIONS = Symbol('GRPC_MODULE_OPTIONS');

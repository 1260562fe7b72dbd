import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import { JwtVerifier } from '@helpdesk/auth';
import { GrpcAuthInterceptor } from './auth/grpc-auth.interceptor';
import { GrpcErrorFilter } from './errors/grpc-error.filter';
import { GRPC_MODULE_OPTIONS, type GrpcModuleOptions } from './grpc-module-options';
import { GrpcTracingInterceptor } from './tracing/grpc-tracing.interceptor';

/** Options of {@link GrpcModule.forRootAsync}: build the options from other providers. */
export interface GrpcModuleAsyncOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
  readonly useFactory: (...args: never[]) => GrpcModuleOptions | Promise<GrpcModuleOptions>;
}

/**
 * Verified tokens a gRPC service keeps unless its `auth` options say otherwise (`cacheSize: 0`
 * turns the cache off). A client sends the same bearer token with every call, and verifying its
 * signature and claims again each time cost about 0.1 ms of a knowledge Search (measured).
 */
export const DEFAULT_VERIFIED_TOKENS_KEPT = 10_000;

const verifierProvider = {
  provide: JwtVerifier,
  inject: [GRPC_MODULE_OPTIONS],
  useFactory: (options: GrpcModuleOptions) =>
    options.auth instanceof JwtVerifier ? options.auth : new JwtVerifier({ ...options.auth, cacheSize: options.auth.cacheSize ?? DEFAULT_VERIFIED_TOKENS_KEPT }),
};
const enhancers = [GrpcAuthInterceptor, GrpcTracingInterceptor, GrpcErrorFilter];

/**
 * Provides what `@GrpcController()` needs — the token verifier, the service's domain-error map
 * and the error logger — to every module of the app (global). Import it once in the app module.
 */
@Module({})
export class GrpcModule {
  /** Registers the gRPC auth, tracing and error handling with fixed options. */
  static forRoot(options: GrpcModuleOptions): DynamicModule {
    return GrpcModule.create([{ provide: GRPC_MODULE_OPTIONS, useValue: options }]);
  }

  /** Registers them with options built by a factory (e.g. from an injected config). */
  static forRootAsync(options: GrpcModuleAsyncOptions): DynamicModule {
    return {
      ...GrpcModule.create([{ provide: GRPC_MODULE_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }]),
      imports: options.imports ?? [],
    };
  }

  private static create(optionsProviders: Provider[]): DynamicModule {
    return {
      module: GrpcModule,
      global: true,
      providers: [...optionsProviders, verifierProvider, ...enhancers],
      exports: [GRPC_MODULE_OPTIONS, JwtVerifier, ...enhancers],
    };
  }
}

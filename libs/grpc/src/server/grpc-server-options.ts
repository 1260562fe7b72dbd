import type { Server } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { PROTO_LOADER_OPTIONS } from '@helpdesk/contracts';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { GrpcHealth } from './grpc-health';
import { servicesIn } from './package-services';

/** How `.proto` messages become JavaScript objects (see @grpc/proto-loader). */
export type GrpcLoaderOptions = NonNullable<GrpcOptions['options']['loader']>;

/** The loader options every service uses unless it overrides them: `PROTO_LOADER_OPTIONS` of @helpdesk/contracts. */
export const DEFAULT_LOADER_OPTIONS: GrpcLoaderOptions = { ...PROTO_LOADER_OPTIONS };

/** What a gRPC server serves and where. */
export interface GrpcServerParams {
  /** `host:port` to bind, e.g. `0.0.0.0:50051` (`127.0.0.1:0` picks a free port). */
  readonly url: string;
  /** Proto packages whose services the Nest controllers implement (`helpdesk.ticket.v1`). */
  readonly packages: readonly string[];
  /** The `.proto` files declaring them. */
  readonly protoPaths: readonly string[];
  /** Import roots for the `.proto` files. */
  readonly includeDirs?: readonly string[];
  /** Overrides of {@link DEFAULT_LOADER_OPTIONS}. */
  readonly loader?: GrpcLoaderOptions;
  /**
   * Largest request message the server accepts, in bytes; grpc-js's default (4 MiB) when not
   * given. A larger request fails with RESOURCE_EXHAUSTED before any handler runs, so a service
   * taking file uploads (ticket attachments) raises it above its own per-file limit.
   */
  readonly maxReceiveMessageBytes?: number;
}

/** Nest microservice options plus the server's health handle. */
export interface GrpcServerSetup {
  /** Pass to `NestFactory.createMicroservice` or `app.connectMicroservice`. */
  readonly microservice: GrpcOptions;
  /** Health statuses of this server; set NOT_SERVING on shutdown. */
  readonly health: GrpcHealth;
}

/**
 * Nest gRPC microservice options that also serve `grpc.health.v1.Health` and server reflection
 * (v1 and v1alpha, covering the app's protos and the health proto) so `grpcurl` works without
 * proto files. Health and reflection are plain grpc-js services: they bypass Nest's interceptors
 * and answer without a token. Shutdown is graceful: in-flight calls finish before the server closes.
 */
export function grpcServerOptions(params: GrpcServerParams): GrpcServerSetup {
  const health = new GrpcHealth();
  const loader: GrpcLoaderOptions = {
    ...DEFAULT_LOADER_OPTIONS,
    ...params.loader,
    includeDirs: [...(params.includeDirs ?? [])],
  };
  const microservice: GrpcOptions = {
    transport: Transport.GRPC,
    options: {
      url: params.url,
      package: [...params.packages],
      protoPath: [...params.protoPaths],
      loader,
      ...(params.maxReceiveMessageBytes === undefined ? {} : { maxReceiveMessageLength: params.maxReceiveMessageBytes }),
      gracefulShutdown: true,
      onLoadPackageDefinition: (definition: PackageDefinition, server: Server) => {
        const healthDefinition = loadSync(healthProtoPath, loader);
        new ReflectionService({ ...definition, ...healthDefinition }).addToServer(server);
        health.attach(server, servicesIn(definition, params.packages));
      },
    },
  };
  return { microservice, health };
}

import { HealthImplementation, type ServingStatus } from 'grpc-health-check';

type HealthServer = Parameters<HealthImplementation['addToServer']>[0];

/**
 * The standard `grpc.health.v1.Health` service of one gRPC server. Every service of the server
 * and the overall server (`""`) turn SERVING once the server has loaded its protos; call
 * {@link GrpcHealth.setNotServing} first thing on shutdown so load balancers drain the replica
 * before in-flight calls are finished.
 */
export class GrpcHealth {
  private readonly implementation = new HealthImplementation({ '': 'NOT_SERVING' });
  private names: readonly string[] = [];

  /** The services this server offers (set when the server loads its protos). */
  get services(): readonly string[] {
    return this.names;
  }

  /** Marks the overall server and every service SERVING. */
  setServing(): void {
    this.setAll('SERVING');
  }

  /** Marks the overall server and every service NOT_SERVING. */
  setNotServing(): void {
    this.setAll('NOT_SERVING');
  }

  /** Sets one service's status (`""` is the overall server). */
  setStatus(service: string, status: ServingStatus): void {
    this.implementation.setStatus(service, status);
  }

  /** Adds the health service to a grpc-js server and marks `services` SERVING. */
  attach(server: HealthServer, services: readonly string[]): void {
    this.names = services;
    this.implementation.addToServer(server);
    this.setServing();
  }

  private setAll(status: ServingStatus): void {
    for (const service of ['', ...this.names]) this.implementation.setStatus(service, status);
  }
}

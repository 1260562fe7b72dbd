import { GrpcClientInstrumentation } from './grpc-client-instrumentation';

// A stand-in for `@grpc/grpc-js`'s exports with the members the instrumentation patches.
function fakeGrpcExports() {
  class Server {
    register(): boolean {
      return true;
    }
  }
  class Client {
    makeUnaryRequest(): void {}
    makeClientStreamRequest(): void {}
    makeServerStreamRequest(): void {}
    makeBidiStreamRequest(): void {}
  }
  return { Server, Client, makeGenericClientConstructor: () => Client, makeClientConstructor: () => Client, loadPackageDefinition: () => ({}) };
}

const isWrapped = (fn: unknown): boolean => typeof fn === 'function' && '__wrapped' in fn;

describe('GrpcClientInstrumentation', () => {
  it('patches the client side of @grpc/grpc-js and leaves the server to the interceptor’s one SERVER span', () => {
    const instrumentation = new GrpcClientInstrumentation({ enabled: false });
    const [definition] = instrumentation.init();
    const grpc = fakeGrpcExports();
    const originalRegister = grpc.Server.prototype.register;

    definition?.patch?.(grpc, '1.14.0');

    expect(grpc.Server.prototype.register).toBe(originalRegister);
    expect(isWrapped(grpc.Client.prototype.makeUnaryRequest)).toBe(true);
    expect(isWrapped(grpc.makeClientConstructor)).toBe(true);
    expect(isWrapped(grpc.loadPackageDefinition)).toBe(true);
  });
});

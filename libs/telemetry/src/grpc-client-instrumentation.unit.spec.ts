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

  it('unpatches cleanly: the client side is restored and the untouched server is left as it was, without a shimmer warning', () => {
    // shimmer binds console.error when it is loaded, so the spy must be in place before a fresh load.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let Fresh: typeof GrpcClientInstrumentation | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load inside the isolated registry
        Fresh = (require('./grpc-client-instrumentation') as { GrpcClientInstrumentation: typeof GrpcClientInstrumentation }).GrpcClientInstrumentation;
      });
      if (!Fresh) throw new Error('the instrumentation module did not load');
      const instrumentation = new Fresh({ enabled: false });
      const [definition] = instrumentation.init();
      const grpc = fakeGrpcExports();
      const originalRegister = grpc.Server.prototype.register;
      const originalUnary = grpc.Client.prototype.makeUnaryRequest;

      definition?.patch?.(grpc, '1.14.0');
      definition?.unpatch?.(grpc, '1.14.0');

      expect(grpc.Server.prototype.register).toBe(originalRegister);
      expect(grpc.Client.prototype.makeUnaryRequest).toBe(originalUnary);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});

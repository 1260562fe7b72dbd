import { status } from '@grpc/grpc-js';
import { echoClient, healthClient, listServicesByReflection, type TestClient } from './support/clients';
import { ECHO_SERVICE, startEchoApp, type EchoApp } from './support/echo-app';

describe('health and reflection of a server built with grpcServerOptions', () => {
  let app: EchoApp;
  let health: TestClient;

  beforeAll(async () => {
    app = await startEchoApp();
    health = healthClient(app.address);
  });

  afterAll(async () => {
    health.close();
    await app.close();
  });

  it('answers health checks without a token: the server and each service are SERVING', async () => {
    expect(app.health.services).toEqual([ECHO_SERVICE]);
    await expect(health.call('Check', { service: '' })).resolves.toEqual({ status: 'SERVING' });
    await expect(health.call('Check', { service: ECHO_SERVICE })).resolves.toEqual({ status: 'SERVING' });
    await expect(health.fail('Check', { service: 'helpdesk.unknown.v1.Nothing' })).resolves.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('reports NOT_SERVING once the app starts shutting down, while RPCs still answer', async () => {
    app.health.setNotServing();
    try {
      await expect(health.call('Check', { service: '' })).resolves.toEqual({ status: 'NOT_SERVING' });
      await expect(health.call('Check', { service: ECHO_SERVICE })).resolves.toEqual({ status: 'NOT_SERVING' });
      const echo = echoClient(app.address);
      await expect(echo.fail('Echo', { text: 'x' })).resolves.toMatchObject({ code: status.UNAUTHENTICATED });
      echo.close();
    } finally {
      app.health.setServing();
    }
  });

  it.each(['v1', 'v1alpha'] as const)('lists the services over %s reflection without a token', async (version) => {
    const services = await listServicesByReflection(app.address, version);
    expect(services).toEqual(expect.arrayContaining([ECHO_SERVICE, 'grpc.health.v1.Health']));
  });
});

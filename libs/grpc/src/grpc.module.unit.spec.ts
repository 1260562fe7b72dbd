import { JwtVerifier, signDevToken, type JwtVerifierOptions } from '@helpdesk/auth';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcModule } from './grpc.module';

const SECRET = 'grpc-module-test-secret-that-is-32-chars-or-more';

async function appWith(auth: JwtVerifierOptions): Promise<INestApplicationContext> {
  @Module({ imports: [GrpcModule.forRoot({ auth, logger: { error: () => undefined } })] })
  class TestAppModule {}
  return NestFactory.createApplicationContext(TestAppModule, { logger: false });
}

describe('GrpcModule', () => {
  let app: INestApplicationContext | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('keeps verified tokens unless told otherwise: a repeated token gets the caller of its first verification', async () => {
    app = await appWith({ secret: SECRET });
    const verifier = app.get(JwtVerifier);
    const token = await signDevToken(SECRET, { subject: 'agent-1', roles: ['agent'] });
    const first = await verifier.verify(`Bearer ${token}`);
    expect(await verifier.verify(`Bearer ${token}`)).toBe(first);
  });

  it('verifies every call anew with cacheSize 0', async () => {
    app = await appWith({ secret: SECRET, cacheSize: 0 });
    const verifier = app.get(JwtVerifier);
    const token = await signDevToken(SECRET, { subject: 'agent-1', roles: ['agent'] });
    const first = await verifier.verify(`Bearer ${token}`);
    const second = await verifier.verify(`Bearer ${token}`);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});

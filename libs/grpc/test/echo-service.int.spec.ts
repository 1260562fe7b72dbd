import { Metadata, status } from '@grpc/grpc-js';
import { signDevToken, type DevTokenSubject } from '@helpdesk/auth';
import { fieldViolationsOf, INTERNAL_ERROR_MESSAGE } from '../src';
import { echoClient, type TestClient } from './support/clients';
import { startEchoApp, TEST_SECRET, type EchoApp } from './support/echo-app';

const AGENT: DevTokenSubject = { subject: 'agent-1', roles: ['agent'] };
const ADMIN: DevTokenSubject = { subject: 'admin-1', roles: ['admin'] };
const CUSTOMER: DevTokenSubject = { subject: 'contact-1', customerId: 'cust-1', contactId: 'cont-1' };

async function bearer(who: DevTokenSubject, options: { expiresIn?: number; secret?: string } = {}): Promise<Metadata> {
  const metadata = new Metadata();
  const token = await signDevToken(options.secret ?? TEST_SECRET, who, options.expiresIn === undefined ? {} : { expiresIn: options.expiresIn });
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
}

describe('a Nest gRPC service behind @GrpcController()', () => {
  let app: EchoApp;
  let client: TestClient;

  beforeAll(async () => {
    app = await startEchoApp();
    client = echoClient(app.address);
  });

  afterAll(async () => {
    client.close();
    await app.close();
  });

  describe('authentication', () => {
    it('rejects a call without a token as UNAUTHENTICATED', async () => {
      const error = await client.fail('Echo', { text: 'hi' });
      expect(error.code).toBe(status.UNAUTHENTICATED);
      expect(error.details).toBe('missing bearer token');
    });

    it('rejects an expired token', async () => {
      const expired = Math.floor(Date.now() / 1000) - 120;
      const error = await client.fail('Echo', { text: 'hi' }, await bearer(AGENT, { expiresIn: expired }));
      expect(error.code).toBe(status.UNAUTHENTICATED);
      expect(error.details).toBe('token expired');
    });

    it('rejects a token signed with another secret and a garbage token', async () => {
      const forged = await client.fail('Echo', { text: 'hi' }, await bearer(ADMIN, { secret: 'x'.repeat(40) }));
      expect({ code: forged.code, details: forged.details }).toEqual({
        code: status.UNAUTHENTICATED,
        details: 'token signature is invalid',
      });
      const garbage = new Metadata();
      garbage.set('authorization', 'Bearer nonsense');
      await expect(client.fail('Echo', { text: 'hi' }, garbage)).resolves.toMatchObject({ code: status.UNAUTHENTICATED });
    });
  });

  describe('roles', () => {
    it('lets any staff role call an RPC without @Roles', async () => {
      await expect(client.call('Echo', { text: 'hello' }, await bearer(AGENT))).resolves.toMatchObject({
        text: 'hello',
        subject: 'agent-1',
      });
    });

    it('keeps customers out of an RPC without @Roles', async () => {
      const error = await client.fail('Echo', { text: 'hi' }, await bearer(CUSTOMER));
      expect(error.code).toBe(status.PERMISSION_DENIED);
      expect(error.details).toBe('role customer may not call helpdesk.testing.v1.EchoService/Echo');
    });

    it('denies an agent an admin-only RPC and lets an admin through', async () => {
      const error = await client.fail('AdminEcho', { text: 'hi' }, await bearer(AGENT));
      expect(error.code).toBe(status.PERMISSION_DENIED);
      expect(error.details).toBe('role agent may not call helpdesk.testing.v1.EchoService/AdminEcho');
      await expect(client.call('AdminEcho', { text: 'ok' }, await bearer(ADMIN))).resolves.toMatchObject({
        text: 'ok',
        subject: 'admin-1',
      });
    });

    it('gives the handler the caller and its customer scope', async () => {
      await expect(client.call('WhoAmI', {}, await bearer(CUSTOMER))).resolves.toEqual({
        kind: 'customer',
        subject: 'contact-1',
        scope_kind: 'customer',
        customer_id: 'cust-1',
      });
      await expect(client.call('WhoAmI', {}, await bearer(AGENT))).resolves.toMatchObject({ kind: 'staff', scope_kind: 'all' });
    });
  });

  describe('errors', () => {
    it('answers invalid input with INVALID_ARGUMENT naming each field, with BadRequest details', async () => {
      const error = await client.fail(
        'CreateNote',
        { summary: '  ', tags: [{ name: 'ok' }, { name: '' }] },
        await bearer(AGENT),
      );
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      expect(error.details).toBe('summary: must not be empty; tags[1].name: must not be empty');
      expect(fieldViolationsOf(error)).toEqual([
        { field: 'summary', description: 'must not be empty' },
        { field: 'tags[1].name', description: 'must not be empty' },
      ]);
    });

    it('passes valid input to the handler', async () => {
      await expect(client.call('CreateNote', { summary: 'Printer on fire', tags: [] }, await bearer(AGENT))).resolves.toMatchObject({
        text: 'Printer on fire',
      });
    });

    it('maps a domain error through the service’s own map', async () => {
      const error = await client.fail('Fail', { text: 'locked' }, await bearer(AGENT));
      expect({ code: error.code, details: error.details }).toEqual({ code: status.FAILED_PRECONDITION, details: 'note is locked' });
    });

    it('turns an unknown error into INTERNAL without leaking its message, and logs it in full', async () => {
      app.logged.length = 0;
      const error = await client.fail('Fail', { text: 'boom' }, await bearer(AGENT));
      expect(error.code).toBe(status.INTERNAL);
      expect(error.details).toBe(INTERNAL_ERROR_MESSAGE);
      expect(error.details).not.toContain('hunter2');
      expect(app.logged).toHaveLength(1);
      expect(app.logged[0]?.message).toBe('gRPC handler failed with an unexpected error');
      expect(app.logged[0]?.details).toMatchObject({ rpc: 'helpdesk.testing.v1.EchoService/Fail' });
      expect(String(app.logged[0]?.details['err'])).toContain('database password is hunter2');
    });

    it('treats a domain error missing from the map as a bug', async () => {
      app.logged.length = 0;
      const error = await client.fail('Fail', { text: 'unmapped' }, await bearer(AGENT));
      expect({ code: error.code, details: error.details }).toEqual({ code: status.INTERNAL, details: INTERNAL_ERROR_MESSAGE });
      expect(app.logged[0]?.message).toBe('gRPC handler threw unmapped domain error NOTE_UNMAPPED');
    });
  });
});

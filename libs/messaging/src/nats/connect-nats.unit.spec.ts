import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nkeys } from '@nats-io/nats-core';
import { authenticatorFor } from './connect-nats';

describe('NATS_CREDS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nats-creds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('signs the server nonce with a bare nkey user seed', () => {
    const user = nkeys.createUser();
    const auth = authenticatorFor(write('ticket.nk', `${new TextDecoder().decode(user.getSeed())}\n`))('nonce-1');
    expect(auth).toMatchObject({ nkey: user.getPublicKey() });
    const sig = (auth as { sig: string }).sig;
    expect(user.verify(new TextEncoder().encode('nonce-1'), nkeys.decode(sig))).toBe(true);
  });

  it('sends the JWT of a .creds file', () => {
    const user = nkeys.createUser();
    const seed = new TextDecoder().decode(user.getSeed());
    const creds = `-----BEGIN NATS USER JWT-----\neyJhbGciOi.fake.jwt\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n${seed}\n------END USER NKEY SEED------\n`;
    const auth = authenticatorFor(write('ticket.creds', creds))('nonce-2');
    expect(auth).toMatchObject({ jwt: 'eyJhbGciOi.fake.jwt', nkey: user.getPublicKey() });
  });

  it('refuses a file that is neither, naming the path', () => {
    const path = write('password.txt', 'hunter2\n');
    expect(() => authenticatorFor(path)).toThrow(`NATS_CREDS ${path} is neither`);
  });
});

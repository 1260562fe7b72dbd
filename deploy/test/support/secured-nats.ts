import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '@helpdesk/testing';
import { createUser } from '@nats-io/nkeys';
import { NATS_USERS, nkeyVariable } from '../../src/platform';

export const NATS_SERVER = process.env['NATS_SERVER_BIN'] ?? '/usr/sbin/nats-server';
export const ACCOUNTS_CONF = join(__dirname, '../../nats/accounts.conf');

/** A user's keys: the public key for the server's environment, the seed file for `NATS_CREDS`. */
export interface TestUser {
  readonly publicKey: string;
  readonly seedFile: string;
}

/** Fresh nkeys for every platform user, written as seed files into `dir`. */
export function createUsers(dir: string): Map<string, TestUser> {
  const users = new Map<string, TestUser>();
  for (const name of NATS_USERS) {
    const pair = createUser();
    const seedFile = join(dir, `${name}.nk`);
    writeFileSync(seedFile, `${new TextDecoder().decode(pair.getSeed())}\n`, { mode: 0o600 });
    users.set(name, { publicKey: pair.getPublicKey(), seedFile });
  }
  return users;
}

/** The server environment that resolves the accounts config's nkey variables. */
export function nkeyEnvironment(users: Map<string, TestUser>): Record<string, string> {
  return Object.fromEntries([...users].map(([name, user]) => [nkeyVariable(name), user.publicKey]));
}

/** A real nats-server with JetStream and deploy/nats/accounts.conf, on a free port with its own store. */
export interface SecuredNats {
  readonly url: string;
  readonly users: Map<string, TestUser>;
  /** The user's seed file, for `NATS_CREDS`. */
  creds(user: string): string;
  stop(): Promise<void>;
}

/**
 * Starts one server, or a JetStream cluster of `nodes` servers on loopback (routes between all),
 * each with the accounts config, the users' keys in its environment and its own store.
 */
export async function startSecuredNats(nodes = 1): Promise<SecuredNats> {
  const dir = mkdtempSync(join(tmpdir(), 'helpdesk-nats-'));
  const users = createUsers(dir);
  copyFileSync(ACCOUNTS_CONF, join(dir, 'accounts.conf'));
  const clientPorts = await Promise.all(Array.from({ length: nodes }, () => freePort()));
  const routePorts = await Promise.all(Array.from({ length: nodes }, () => freePort()));
  const children: { child: ChildProcess; exited: Promise<void> }[] = [];
  let output = '';
  try {
    for (let i = 0; i < nodes; i++) {
      const config = join(dir, `server-${i}.conf`);
      const cluster =
        nodes > 1
          ? [`cluster { name: helpdesk, listen: "127.0.0.1:${routePorts[i]}", routes: [${routePorts.map((p) => `"nats-route://127.0.0.1:${p}"`).join(', ')}] }`]
          : [];
      writeFileSync(
        config,
        [
          `server_name: n${i}`,
          `listen: "127.0.0.1:${clientPorts[i]}"`,
          `jetstream { store_dir: ${JSON.stringify(join(dir, `store-${i}`))} }`,
          ...cluster,
          'include "accounts.conf"',
          '',
        ].join('\n'),
      );
      const child = spawn(NATS_SERVER, ['-c', config], { env: { ...process.env, ...nkeyEnvironment(users) }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      children.push({ child, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) });
    }
    await Promise.all(children.map(({ child }, i) => waitForPort(clientPorts[i]!, () => child.exitCode !== null)));
  } catch (error) {
    for (const { child } of children) child.kill('SIGKILL');
    throw new Error(`nats-server did not start: ${String(error)}\n${output}`, { cause: error });
  }
  return {
    url: clientPorts.map((p) => `nats://127.0.0.1:${p}`).join(','),
    users,
    creds(user) {
      const found = users.get(user);
      if (!found) throw new Error(`no NATS user ${user}`);
      return found.seedFile;
    },
    async stop() {
      for (const { child } of children) child.kill('SIGTERM');
      await Promise.all(children.map((c) => c.exited));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

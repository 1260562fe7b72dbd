import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@helpdesk/testing';
import { ImapFlow } from 'imapflow';

// Debian's dovecot-imapd (2.3); mail is owned by `nobody` because dovecot refuses root as mail user.
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export interface DovecotOptions {
  /** false: the server does not announce IDLE. */
  readonly idle?: boolean;
}

/**
 * A real IMAP server for tests: Debian's dovecot, started in the foreground on a free loopback
 * port with its configuration, state and maildirs under a temp folder (no system service), and
 * one account. `append` puts a mail into the INBOX the way a provider's MX would.
 */
export class DovecotServer {
  private process: ChildProcess | undefined;
  readonly user = 'helpdesk';
  readonly password = 'imap-secret';
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly options: DovecotOptions,
  ) {}

  static async start(options: DovecotOptions = {}): Promise<DovecotServer> {
    const dir = mkdtempSync(join(tmpdir(), 'helpdesk-dovecot-'));
    chmodSync(dir, 0o755);
    const server = new DovecotServer(dir, await freePort(), options);
    server.writeConfig();
    await server.spawn();
    return server;
  }

  /** Kills the server (every open IMAP connection drops) and starts it again on the same port and maildirs. */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  private async spawn(): Promise<void> {
    this.process = spawn('dovecot', ['-F', '-c', join(this.dir, 'dovecot.conf')], { stdio: 'ignore' });
    await this.waitForPort();
  }

  private async kill(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }

  /** The IMAP account as CreateMailbox takes it. */
  get account() {
    return { host: '127.0.0.1', port: this.port, tls: false, username: this.user, password: this.password, folder: 'INBOX' };
  }

  /** A client logged in to the account (for appending and checking flags). */
  async client(): Promise<ImapFlow> {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: this.user, pass: this.password }, logger: false });
    await client.connect();
    return client;
  }

  async append(raw: string, flags: string[] = []): Promise<void> {
    const client = await this.client();
    try {
      await client.append('INBOX', raw, flags);
    } finally {
      await client.logout();
    }
  }

  /** UIDs of INBOX messages with or without \Seen. */
  async uids(seen: boolean): Promise<number[]> {
    const client = await this.client();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        return (await client.search({ seen }, { uid: true })) || [];
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  /** Takes \Seen away again, as if the gateway had crashed after storing and before flagging. */
  async markUnseen(uid: number): Promise<void> {
    const client = await this.client();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(): void {
    const mail = join(this.dir, 'mail');
    writeFileSync(join(this.dir, 'users'), `${this.user}:{PLAIN}${this.password}\n`);
    writeFileSync(
      join(this.dir, 'dovecot.conf'),
      [
        `base_dir = ${join(this.dir, 'run')}`,
        `state_dir = ${join(this.dir, 'state')}`,
        `instance_name = helpdesk-test-${this.port}`,
        `log_path = ${join(this.dir, 'dovecot.log')}`,
        'protocols = imap',
        // Without IDLE in CAPABILITY a client must poll (as with some hosted IMAP services).
        ...(this.options.idle === false ? ['imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS NAMESPACE UNSELECT CHILDREN MOVE'] : []),
        'listen = 127.0.0.1',
        'ssl = no',
        'disable_plaintext_auth = no',
        'auth_mechanisms = plain login',
        'default_login_user = dovenull',
        'default_internal_user = dovecot',
        `mail_location = maildir:${mail}/%u`,
        `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(this.dir, 'users')}\n}`,
        `userdb {\n  driver = static\n  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${mail}/%u\n}`,
        `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${this.port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
        '',
      ].join('\n'),
    );
    // The mail processes run as nobody and create the user's maildir themselves.
    mkdirSync(mail);
    chownSync(mail, MAIL_UID, MAIL_GID);
  }

  private async waitForPort(): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (open) return;
      if (this.process?.exitCode !== null && this.process?.exitCode !== undefined) throw new Error(`dovecot exited with ${this.process.exitCode}; see its log under ${this.dir}`);
      if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${this.port} within 20 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

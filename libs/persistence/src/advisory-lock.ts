import { Client } from 'pg';

/**
 * A session-level PostgreSQL advisory lock held on a dedicated connection. When the holder
 * crashes, its connection closes and PostgreSQL releases the lock, so a standby takes over
 * without any lease bookkeeping. Used to let exactly one replica run a singleton loop.
 */
export class AdvisoryLock {
  private client: Client | undefined;
  private held = false;

  constructor(
    private readonly url: string,
    /** A name such as `outbox-relay`; hashed to the lock key with `hashtext`. */
    readonly name: string,
  ) {}

  /** Tries once; true when this process now holds the lock. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.connection();
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.name]);
    this.held = result.rows[0]?.locked === true;
    return this.held;
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Releases the lock and closes the connection. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    if (!client) return;
    await client.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.url, application_name: `lock:${this.name}` });
    client.on('error', () => {
      // The connection died: the server has released the lock; the owner re-acquires on its next tick.
      this.held = false;
      this.client = undefined;
    });
    await client.connect();
    this.client = client;
    return client;
  }
}

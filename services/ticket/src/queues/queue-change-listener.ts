import { Client } from 'pg';

/** The channel the queue triggers signal (migration `notify-queue-changes`), with the schema as payload. */
export const QUEUES_CHANGED_CHANNEL = 'ticket_queues_changed';

/** What the listener tells its owner. */
export interface QueueChangeEvents {
  /** A transaction that changed a queue of this schema committed, or listening (re)started: what was read before may be stale. */
  changed(): void;
  /** Listening stopped (lost connection, stop): nothing read may be kept until `changed` comes again. */
  lost(): void;
}

/** Reports problems; the service's logger in production. */
export interface QueueChangeLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/**
 * LISTENs for queue changes on a dedicated connection (not one of the pool's, which it would hold
 * for ever) and reconnects after a lost connection.
 */
export class QueueChangeListener {
  private client: Client | undefined;
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly events: QueueChangeEvents,
    private readonly logger: QueueChangeLogger,
    private readonly reconnectMs = 1_000,
  ) {}

  /** Starts listening (idempotent); resolves once the first attempt has succeeded or failed. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.events.lost();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'ticket-queue-listener' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.events.lost();
      client.end().catch(() => undefined);
      if (error) this.logger.warn({ err: error }, 'queue change listener lost its connection; reconnecting');
      this.scheduleReconnect();
    };
    client.on('notification', (n) => {
      if (n.channel === QUEUES_CHANGED_CHANNEL && n.payload === this.schema) this.events.changed();
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUES_CHANGED_CHANNEL}`);
      if (!this.running) {
        await client.end();
        return;
      }
      this.client = client;
      // Changes committed while nobody listened: whatever was read before is forgotten.
      this.events.changed();
    } catch (error) {
      client.end().catch(() => undefined);
      this.logger.warn({ err: error }, 'queue change listener could not connect; retrying');
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.reconnectMs);
    this.retryTimer.unref();
  }
}

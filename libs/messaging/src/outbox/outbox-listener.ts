import { Client } from 'pg';
import type { MessagingLogger } from '../logging/messaging-logger';

/** The channel the `outbox_notify` trigger signals, with the table's schema as payload. */
export const OUTBOX_CHANNEL = 'helpdesk_outbox';

/**
 * LISTENs for outbox inserts on a dedicated connection and calls `onInsert` when a transaction
 * that wrote rows to this schema's outbox commits. Reconnects after a lost connection; while it
 * is down the relay's fallback poll keeps things moving.
 */
export class OutboxListener {
  private client: Client | undefined;
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly schema: string,
    private readonly onInsert: () => void,
    private readonly logger: MessagingLogger,
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
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'outbox-listener' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (error) this.logger.warn({ err: error }, 'outbox listener lost its connection; reconnecting');
      this.scheduleReconnect();
    };
    client.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL && n.payload === this.schema) this.onInsert();
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (!this.running) {
        await client.end();
        return;
      }
      this.client = client;
      // Rows committed while we were not listening are found by this extra wake-up.
      this.onInsert();
    } catch (error) {
      client.end().catch(() => undefined);
      this.logger.warn({ err: error }, 'outbox listener could not connect; retrying');
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

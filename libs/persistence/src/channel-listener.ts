import { Client } from 'pg';

/** What a {@link ChannelListener} tells its owner. */
export interface ChannelEvents {
  /**
   * A transaction that signalled the channel with this schema committed, or listening (re)started:
   * anything committed while nobody listened has to be looked at now.
   */
  notified(): void;
  /** Listening stopped (lost connection, stop): no notification comes until `notified` again. */
  lost?(): void;
}

/** Reports connection problems; the service's logger in production. */
export interface ChannelLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** Where and what to listen for. */
export interface ChannelListenerOptions {
  readonly url: string;
  /** The channel the triggers signal; a fixed SQL identifier. */
  readonly channel: string;
  /** Notifications whose payload is this schema count; others (other schemas on the database) are ignored. */
  readonly schema: string;
  /** `application_name` of the connection, so it can be told apart in pg_stat_activity. */
  readonly applicationName: string;
  readonly reconnectMs?: number;
}

/**
 * LISTENs on one channel on a dedicated connection (not one of the pool's, which it would hold for
 * ever) and reconnects after a lost connection. Every (re)start of listening counts as a
 * notification, so the owner never misses what committed while nobody listened.
 */
export class ChannelListener {
  private client: Client | undefined;
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: ChannelListenerOptions,
    private readonly events: ChannelEvents,
    private readonly logger: ChannelLogger,
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
    this.events.lost?.();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { url, channel, schema, applicationName } = this.options;
    const client = new Client({ connectionString: url, application_name: applicationName });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.events.lost?.();
      client.end().catch(() => undefined);
      if (error) this.logger.warn({ err: error, channel }, `${applicationName} lost its connection; reconnecting`);
      this.scheduleReconnect();
    };
    client.on('notification', (n) => {
      if (n.channel === channel && n.payload === schema) this.events.notified();
    });
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (!this.running) {
        await client.end();
        return;
      }
      this.client = client;
      this.events.notified();
    } catch (error) {
      client.end().catch(() => undefined);
      this.logger.warn({ err: error, channel }, `${applicationName} could not connect; retrying`);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.options.reconnectMs ?? 1_000);
    this.retryTimer.unref();
  }
}

import { connect, type Socket } from 'node:net';
import type { Logger } from '@helpdesk/telemetry';
import type { AmiSettings } from '../connections/pbx-connection';
import { AmiParser, serializeAction, type AmiMessage } from './ami-protocol';

/** What an AMI session does with what it hears. */
export interface AmiSessionHandler {
  /** Logged in; `channels` are the channels Asterisk has now (CoreShowChannels). */
  connected(channels: readonly AmiMessage[]): Promise<void>;
  /** One event, in the order Asterisk sent them (after `connected`). */
  event(event: AmiMessage): Promise<void>;
}

/** Reconnect timing. */
export interface AmiClientOptions {
  /** First delay after a lost connection; doubles per failed attempt. */
  readonly reconnectMs: number;
  /** Longest delay; default 30 s. */
  readonly maxReconnectMs?: number;
}

const LOGIN_ID = 'helpdesk-login';
const CHANNELS_ID = 'helpdesk-channels';

/**
 * One AMI connection: connect, log in, list the channels that exist now, then hand every event to
 * the handler, one at a time and in order. When the connection drops (or login fails) it
 * reconnects with exponential back-off until stopped; each new session starts with `connected`,
 * so the handler can reconcile what happened while it was away.
 */
export class AmiClient {
  private socket: Socket | undefined;
  private stopped = false;
  private delay: number;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly settings: AmiSettings,
    private readonly handler: AmiSessionHandler,
    private readonly options: AmiClientOptions,
    private readonly logger: Logger,
  ) {
    this.delay = options.reconnectMs;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Logs off, stops reconnecting and waits for the events in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    if (socket && !socket.destroyed) {
      socket.end(serializeAction({ Action: 'Logoff' }));
      socket.destroy();
    }
    await this.queue;
  }

  private open(): void {
    const { host, port } = this.settings;
    const socket = connect({ host, port });
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setKeepAlive(true, 30_000);
    const parser = new AmiParser();
    let channels: AmiMessage[] | null = null;
    let pending: AmiMessage[] | null = null;
    let bannerSent = false;
    socket.on('data', (chunk: string) => {
      const messages = parser.push(chunk);
      if (!bannerSent && parser.banner !== null) {
        bannerSent = true;
        socket.write(serializeAction({ Action: 'Login', ActionID: LOGIN_ID, Username: this.settings.username, Secret: this.settings.secret, Events: 'on' }));
      }
      for (const message of messages) {
        if (message['actionid'] === LOGIN_ID && message['response']) {
          if (message['response'].toLowerCase() !== 'success') {
            this.logger.error({ host, port, message: message['message'] }, 'AMI login refused');
            socket.destroy();
            return;
          }
          this.delay = this.options.reconnectMs;
          channels = [];
          pending = [];
          socket.write(serializeAction({ Action: 'CoreShowChannels', ActionID: CHANNELS_ID }));
        } else if (message['actionid'] === CHANNELS_ID) {
          if (message['event'] === 'CoreShowChannel') channels?.push(message);
          else if (message['event'] === 'CoreShowChannelsComplete' && channels && pending) {
            const snapshot = channels;
            const held = pending;
            pending = null;
            this.logger.info({ host, port, channels: snapshot.length }, 'AMI connected');
            this.enqueue(() => this.handler.connected(snapshot));
            for (const event of held) this.enqueue(() => this.handler.event(event));
          }
        } else if (message['event']) {
          if (pending) pending.push(message);
          else if (channels) this.enqueue(() => this.handler.event(message));
        }
      }
    });
    socket.on('error', (error) => this.logger.warn({ host, port, err: error }, 'AMI connection error'));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      if (this.stopped) return;
      this.logger.warn({ host, port, retryInMs: this.delay }, 'AMI connection lost; reconnecting');
      this.timer = setTimeout(() => this.open(), this.delay);
      this.delay = Math.min(this.delay * 2, this.options.maxReconnectMs ?? 30_000);
    });
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => this.logger.error({ err: error }, 'AMI event handling failed'));
  }
}

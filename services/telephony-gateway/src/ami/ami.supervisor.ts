import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CallsService } from '../calls/calls.service';
import type { ConnectionsObserver } from '../connections/pbx-connections.service';
import { PbxConnectionsRepository } from '../connections/pbx-connections.repository';
import { AmiClient } from './ami-client';
import { AmiSession } from './ami-session';

const REFRESH_MS = 10_000;

interface Running {
  readonly client: AmiClient;
  readonly lock: AdvisoryLock;
}

/**
 * Keeps every enabled AMI connection logged in from exactly one replica: each connection is
 * claimed with a PostgreSQL advisory lock (released when the holder dies, so another replica takes
 * over on its next refresh), checked every 10 s and whenever connections change.
 */
export class AmiSupervisor implements ConnectionsObserver, OnApplicationBootstrap, OnModuleDestroy {
  private readonly connections = new PbxConnectionsRepository();
  private readonly running = new Map<string, Running>();
  private refreshing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly calls: CallsService,
    private readonly options: { readonly reconnectMs: number },
    private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.connectionsChanged();
    this.timer = setInterval(() => this.connectionsChanged(), REFRESH_MS);
    this.timer.unref();
  }

  connectionsChanged(): void {
    this.refreshing = this.refreshing.then(() => this.refresh()).catch((error: unknown) => this.logger.error({ err: error }, 'AMI supervisor refresh failed'));
  }

  /** Resolves once the changes so far are applied (tests). */
  settled(): Promise<void> {
    return this.refreshing;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.refreshing;
    await Promise.all([...this.running.keys()].map((id) => this.stopOne(id)));
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    const enabled = await this.connections.enabledAmi(this.dataSource.manager);
    const wanted = new Set(enabled.map((connection) => connection.id));
    for (const id of [...this.running.keys()]) if (!wanted.has(id)) await this.stopOne(id);
    for (const connection of enabled) {
      const held = this.running.get(connection.id);
      if (held?.lock.isHeld) continue;
      if (held) await this.stopOne(connection.id);
      if (!connection.ami) continue;
      const lock = new AdvisoryLock(this.databaseUrl, `telephony-ami-${connection.id}`);
      if (!(await lock.tryAcquire())) {
        await lock.release();
        continue;
      }
      const session = new AmiSession(connection.id, connection.ami.inboundContexts, this.calls, this.logger);
      const client = new AmiClient(connection.ami, session, { reconnectMs: this.options.reconnectMs }, this.logger);
      this.running.set(connection.id, { client, lock });
      client.start();
    }
  }

  private async stopOne(id: string): Promise<void> {
    const held = this.running.get(id);
    this.running.delete(id);
    if (!held) return;
    await held.client.stop();
    await held.lock.release();
  }
}

import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Logger } from '@helpdesk/telemetry';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { CallsService } from '../calls/calls.service';
import { subscribeCallEvents } from './call-events.feed';
import type { MonitorHub } from './monitor-hub';

/** How far back the monitor looks. */
export interface MonitorWindow {
  /** Hours after which a call whose end never came leaves the monitor. */
  readonly activeMaxHours: number;
  /** Hours a missed call waits for its callback on the monitor. */
  readonly missedWindowHours: number;
}

const PRUNE_EVERY_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * Starts the monitor: subscribes to every replica's call events first, then loads active and
 * missed calls from the database (a change in between arrives twice and is kept once), and
 * prunes stale entries every minute.
 */
export class MonitorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hub: MonitorHub,
    private readonly calls: CallsService,
    private readonly nc: NatsConnection,
    private readonly subjectPrefix: string,
    private readonly window: MonitorWindow,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const onError = (error: unknown) => this.logger.warn({ err: error }, 'monitor: call event skipped');
    this.subscription = subscribeCallEvents(this.nc, this.subjectPrefix, (call) => void this.hub.apply(call), onError, (callId, state) => this.hub.holdsAtLeast(callId, state));
    const { activeSince, missedSince } = this.bounds();
    const snapshot = await this.calls.monitorSnapshot(activeSince, missedSince);
    await this.hub.load(snapshot.active, snapshot.awaitingCallback);
    this.timer = setInterval(() => {
      const bounds = this.bounds();
      this.hub.prune(bounds.activeSince, bounds.missedSince);
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.subscription?.unsubscribe();
  }

  private bounds(): { activeSince: Date; missedSince: Date } {
    const now = Date.now();
    return { activeSince: new Date(now - this.window.activeMaxHours * HOUR_MS), missedSince: new Date(now - this.window.missedWindowHours * HOUR_MS) };
  }
}

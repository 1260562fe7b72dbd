import { SubjectNaming } from '@helpdesk/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { stderrLogger } from '../logging/messaging-logger';
import { prometheusMessagingMetrics } from '../metrics/messaging-metrics';
import type { OutboxPublisher } from '../outbox/outbox-publisher';
import { OutboxRelay } from '../outbox/outbox-relay';
import { ensureStreams } from '../streams/ensure-streams';
import { schemaOf } from '../util/platform-table';
import type { MessagingModuleOptions } from './messaging-module.options';

/**
 * Starts and stops the messaging layer with the application: on bootstrap it ensures the streams,
 * starts the outbox relay and one runner per handler; on shutdown it stops the runners (in-flight
 * handlers finish), flushes and stops the relay, and drains the NATS connection.
 */
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private relay: OutboxRelay | undefined;
  private runners: ConsumerRunner[] = [];

  constructor(
    private readonly options: MessagingModuleOptions,
    private readonly nc: NatsConnection,
    private readonly publisher: OutboxPublisher,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { options, dataSource } = this;
    const naming = new SubjectNaming(options.subjectPrefix ?? '');
    const metrics = options.metrics ?? prometheusMessagingMetrics(options.service);
    const logger = options.logger ?? stderrLogger;
    await ensureStreams(await jetstreamManager(this.nc), naming, options.streams);
    const schema = schemaOf(dataSource.options);
    this.relay = new OutboxRelay({
      ...options.relay,
      ...(schema ? { schema } : {}),
      databaseUrl: options.databaseUrl ?? urlOf(dataSource),
      nc: this.nc,
      naming,
      metrics,
      logger,
    });
    this.relay.start();
    for (const handler of options.handlers ?? []) {
      const runner = new ConsumerRunner({
        ...options.consumers,
        handler,
        service: options.service,
        nc: this.nc,
        naming,
        dataSource,
        publisher: this.publisher,
        metrics,
        logger,
      });
      await runner.start();
      this.runners.push(runner);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
    if (this.relay) {
      await this.relay.flush({ timeoutMs: this.options.shutdownFlushMs ?? 10_000 }).catch((err: unknown) => {
        (this.options.logger ?? stderrLogger).warn({ err }, 'outbox not fully flushed at shutdown; the next relay publishes the rest');
      });
      await this.relay.stop();
    }
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

function urlOf(dataSource: DataSource): string {
  const { options } = dataSource;
  if ('url' in options && typeof options.url === 'string') return options.url;
  throw new Error('messaging: the DataSource has no url; pass databaseUrl to MessagingModule.forRoot');
}

import type { NatsConnection } from '@nats-io/nats-core';
import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { connectNats } from '../nats/connect-nats';
import { OutboxPublisher } from '../outbox/outbox-publisher';
import type { MessagingModuleOptions } from './messaging-module.options';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, NATS_CONNECTION } from './messaging.tokens';

/**
 * The messaging layer as a Nest module. `forRoot` connects to NATS while the module is created,
 * and the lifecycle starts streams, relay and consumers once the application has bootstrapped.
 * Exports the {@link OutboxPublisher} (for use cases) and the NATS connection.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: () =>
            connectNats({ url: options.natsUrl, name: options.service, ...(options.natsCreds ? { credsFile: options.natsCreds } : {}) }),
        },
        { provide: OutboxPublisher, useFactory: () => new OutboxPublisher({ service: options.service, ...(options.events ? { events: options.events } : {}) }) },
        {
          provide: MessagingLifecycle,
          useFactory: (nc: NatsConnection, publisher: OutboxPublisher, dataSource: DataSource) =>
            new MessagingLifecycle(options, nc, publisher, dataSource),
          inject: [NATS_CONNECTION, OutboxPublisher, options.dataSource],
        },
      ],
      exports: [OutboxPublisher, NATS_CONNECTION],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { AssetsService } from './assets/assets.service';
import { LifeRecordService } from './assets/life-record.service';
import { ContactsService } from './contacts/contacts.service';
import { ContractsService } from './contracts/contracts.service';
import { EntitlementsService } from './contracts/entitlements.service';
import { CustomersService } from './customers/customers.service';
import { DirectoryGrpcController } from './directory.grpc.controller';
import { DIRECTORY_SETTINGS, type DirectorySettings } from './directory-settings';
import { DirectoryStore } from './directory-store';

const services = [CustomersService, ContactsService, ContractsService, EntitlementsService, AssetsService, LifeRecordService] as const;

/**
 * The directory feature: the `DirectoryService` gRPC controller and its use cases. Needs the
 * global `DATA_SOURCE` and an `OutboxPublisher` visible to it, like `TicketsModule`. The life
 * record's event handlers are plain values (`assetLifeRecordHandlers`) for
 * `MessagingModule.forRoot({ handlers })`.
 */
@Module({})
export class DirectoryModule {
  /** The feature for one configuration; exports its services (e.g. for the mail and call intake). */
  static forRoot(settings: DirectorySettings): DynamicModule {
    return {
      module: DirectoryModule,
      controllers: [DirectoryGrpcController],
      providers: [
        { provide: DIRECTORY_SETTINGS, useValue: settings },
        {
          provide: DirectoryStore,
          inject: [DATA_SOURCE, OutboxPublisher, DIRECTORY_SETTINGS],
          useFactory: (dataSource: DataSource, publisher: OutboxPublisher, directorySettings: DirectorySettings) =>
            new DirectoryStore(dataSource, publisher, directorySettings, () => new Date()),
        },
        ...services.map((service) => ({ provide: service, inject: [DirectoryStore], useFactory: (store: DirectoryStore) => new service(store) })),
      ],
      exports: [...services, DIRECTORY_SETTINGS],
    };
  }
}

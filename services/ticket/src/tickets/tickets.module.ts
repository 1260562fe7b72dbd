import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { TICKET_SETTINGS, type TicketSettings } from './ticket-settings';
import { TicketUnitOfWork } from './ticket-unit-of-work';
import { TicketsGrpcController } from './tickets.grpc.controller';
import { TicketsService } from './tickets.service';

/**
 * The ticket lifecycle feature: `TicketsService` and the `TicketService` gRPC controller. Needs
 * the global `DATA_SOURCE` (`DatabaseModule`) and an `OutboxPublisher` visible to it
 * (`MessagingModule` made global, or imported here).
 */
@Module({})
export class TicketsModule {
  /** The feature for one configuration; exports `TicketsService`, `TicketUnitOfWork` and {@link TICKET_SETTINGS}. */
  static forRoot(settings: TicketSettings): DynamicModule {
    return {
      module: TicketsModule,
      // Global: feature modules (messages, work, tasks, queues…) take the TicketUnitOfWork directly.
      global: true,
      controllers: [TicketsGrpcController],
      providers: [
        { provide: TICKET_SETTINGS, useValue: settings },
        {
          provide: TicketUnitOfWork,
          inject: [DATA_SOURCE, OutboxPublisher, TICKET_SETTINGS],
          useFactory: (dataSource: DataSource, publisher: OutboxPublisher, ticketSettings: TicketSettings) =>
            new TicketUnitOfWork(dataSource, publisher, ticketSettings, () => new Date()),
        },
        {
          provide: TicketsService,
          inject: [TicketUnitOfWork, TICKET_SETTINGS],
          useFactory: (work: TicketUnitOfWork, ticketSettings: TicketSettings) => new TicketsService(work, ticketSettings),
        },
      ],
      exports: [TicketsService, TicketUnitOfWork, TICKET_SETTINGS],
    };
  }
}

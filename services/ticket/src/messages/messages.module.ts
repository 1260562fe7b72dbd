import { Module, type DynamicModule } from '@nestjs/common';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { MESSAGE_SETTINGS, type MessageSettings } from './message-settings';
import { MessagesGrpcController } from './messages.grpc.controller';
import { MessagesService } from './messages.service';

/**
 * The communication log (`AddMessage`, `ListMessages`, `GetAttachment`); changes go through the
 * tickets' unit of work (from the global `TicketsModule`). Exports `MessagesService`
 * (`addFromSystem` for messages the platform writes; the inbound consumers use
 * `systemMessageChange` in their own transaction).
 */
@Module({})
export class MessagesModule {
  /** The feature for one configuration. */
  static forRoot(settings: MessageSettings): DynamicModule {
    return {
      module: MessagesModule,
      controllers: [MessagesGrpcController],
      providers: [
        { provide: MESSAGE_SETTINGS, useValue: settings },
        {
          provide: MessagesService,
          inject: [TicketUnitOfWork, MESSAGE_SETTINGS],
          useFactory: (work: TicketUnitOfWork, messageSettings: MessageSettings) => new MessagesService(work, messageSettings),
        },
      ],
      exports: [MessagesService],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { AgentsGrpcController } from '../agents/agents.grpc.controller';
import { AgentsService } from '../agents/agents.service';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { QueuesGrpcController } from './queues.grpc.controller';
import { QueuesService } from './queues.service';
import { WorkListService } from './work-list.service';

/** Configuration of the queues feature. */
export interface QueuesModuleSettings {
  /** IANA zone of a queue created without one (`QUEUE_DEFAULT_TIME_ZONE`). */
  readonly defaultTimeZone: string;
}

/**
 * Agents, queues and assignment: the `QueueService` gRPC controllers and their use cases. Takes
 * the global `TicketUnitOfWork` (`TicketsModule`) and `OutboxPublisher` (`MessagingModule`).
 * Routing new tickets is an event handler, registered with the messaging module:
 * `queueRoutingHandlers(policy)`.
 */
@Module({})
export class QueuesModule {
  static forRoot(settings: QueuesModuleSettings): DynamicModule {
    return {
      module: QueuesModule,
      controllers: [AgentsGrpcController, QueuesGrpcController],
      providers: [
        {
          provide: AgentsService,
          inject: [TicketUnitOfWork, OutboxPublisher],
          useFactory: (work: TicketUnitOfWork, publisher: OutboxPublisher) => new AgentsService(work, publisher),
        },
        {
          provide: QueuesService,
          inject: [TicketUnitOfWork, OutboxPublisher],
          useFactory: (work: TicketUnitOfWork, publisher: OutboxPublisher) => new QueuesService(work, publisher, settings.defaultTimeZone),
        },
        {
          provide: WorkListService,
          inject: [TicketUnitOfWork, OutboxPublisher],
          useFactory: (work: TicketUnitOfWork, publisher: OutboxPublisher) => new WorkListService(work, publisher),
        },
      ],
      exports: [AgentsService, QueuesService, WorkListService],
    };
  }
}

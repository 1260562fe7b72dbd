import { OutboxPublisher } from '@helpdesk/messaging';
import { Module } from '@nestjs/common';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { LinksGrpcController } from './links.grpc.controller';
import { LinksService } from './links.service';

/**
 * Ticket links (`LinkTickets`, `ListLinks`); changes go through the tickets' unit of work (from
 * the global `TicketsModule`) and the global `OutboxPublisher` for links that change two tickets.
 */
@Module({
  controllers: [LinksGrpcController],
  providers: [
    {
      provide: LinksService,
      inject: [TicketUnitOfWork, OutboxPublisher],
      useFactory: (work: TicketUnitOfWork, publisher: OutboxPublisher) => new LinksService(work, publisher),
    },
  ],
})
export class LinksModule {}

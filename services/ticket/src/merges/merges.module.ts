import { OutboxPublisher } from '@helpdesk/messaging';
import { Module } from '@nestjs/common';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { MergesGrpcController } from './merges.grpc.controller';
import { MergesService } from './merges.service';

/** `MergeTickets`; needs the global `TicketsModule` (unit of work) and `OutboxPublisher`. */
@Module({
  controllers: [MergesGrpcController],
  providers: [
    {
      provide: MergesService,
      inject: [TicketUnitOfWork, OutboxPublisher],
      useFactory: (work: TicketUnitOfWork, publisher: OutboxPublisher) => new MergesService(work, publisher),
    },
  ],
})
export class MergesModule {}

import { Module, type DynamicModule } from '@nestjs/common';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { WORKLOG_SETTINGS, type WorklogSettings } from './worklog-settings';
import { WorklogGrpcController } from './worklog.grpc.controller';
import { WorklogService } from './worklog.service';

/**
 * The work log feature: `WorklogService` and the work log RPCs of `TicketService`; changes go
 * through the tickets' unit of work (from the global `TicketsModule`).
 */
@Module({})
export class WorklogModule {
  /** The feature for one configuration; exports `WorklogService`. */
  static forRoot(settings: WorklogSettings): DynamicModule {
    return {
      module: WorklogModule,
      controllers: [WorklogGrpcController],
      providers: [
        { provide: WORKLOG_SETTINGS, useValue: settings },
        {
          provide: WorklogService,
          inject: [TicketUnitOfWork, WORKLOG_SETTINGS],
          useFactory: (work: TicketUnitOfWork, worklogSettings: WorklogSettings) => new WorklogService(work, worklogSettings),
        },
      ],
      exports: [WorklogService],
    };
  }
}

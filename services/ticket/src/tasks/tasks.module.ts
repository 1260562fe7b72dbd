import { Module, type DynamicModule } from '@nestjs/common';
import { TicketUnitOfWork } from '../tickets/ticket-unit-of-work';
import { TASK_SETTINGS, type TaskSettings } from './task-settings';
import { TasksGrpcController } from './tasks.grpc.controller';
import { TasksService } from './tasks.service';

/**
 * The tasks feature: `TasksService` and the task RPCs of `TicketService`; changes go through the
 * tickets' unit of work (from the global `TicketsModule`). The call consumer creates callback
 * tasks with `callbackTaskChange` and the callback policy in {@link TASK_SETTINGS}.
 */
@Module({})
export class TasksModule {
  /** The feature for one configuration; exports `TasksService` and {@link TASK_SETTINGS}. */
  static forRoot(settings: TaskSettings): DynamicModule {
    return {
      module: TasksModule,
      controllers: [TasksGrpcController],
      providers: [
        { provide: TASK_SETTINGS, useValue: settings },
        {
          provide: TasksService,
          inject: [TicketUnitOfWork],
          useFactory: (work: TicketUnitOfWork) => new TasksService(work),
        },
      ],
      exports: [TasksService, TASK_SETTINGS],
    };
  }
}

import type { Metadata } from '@grpc/grpc-js';
import { ticketV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { addTaskRequestSchema, completeTaskRequestSchema, listTasksRequestSchema } from './task-requests.grpc-mapper';
import { toTaskMessage } from './task-responses.grpc-mapper';
import { TasksService } from './tasks.service';

/** The RPCs of `helpdesk.ticket.v1.TicketService` this controller serves. */
export const TICKET_TASK_RPCS = ['addTask', 'completeTask', 'listTasks'] as const satisfies readonly (keyof ticketV1.TicketServiceController)[];

/** The part of the generated controller interface {@link TasksGrpcController} implements. */
export type TicketTasksController = Pick<ticketV1.TicketServiceController, (typeof TICKET_TASK_RPCS)[number]>;

/**
 * The task RPCs of `helpdesk.ticket.v1.TicketService`. Staff add and complete tasks; customers
 * may list the tasks of their own tickets, which shows them their appointments only.
 */
@GrpcController()
@GrpcServiceMethods(ticketV1.TICKET_SERVICE_NAME, TICKET_TASK_RPCS)
export class TasksGrpcController implements TicketTasksController {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Roles('agent', 'admin', 'integration')
  async addTask(request: ticketV1.AddTaskRequest, metadata: Metadata): Promise<ticketV1.AddTaskResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, input } = parseRequest(addTaskRequestSchema, request);
    return { task: toTaskMessage(await this.tasks.add(caller, ticketId, input)) };
  }

  @Roles('agent', 'admin', 'integration')
  async completeTask(request: ticketV1.CompleteTaskRequest, metadata: Metadata): Promise<ticketV1.CompleteTaskResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, taskId, input } = parseRequest(completeTaskRequestSchema, request);
    return { task: toTaskMessage(await this.tasks.complete(caller, ticketId, taskId, input)) };
  }

  @Roles('agent', 'admin', 'integration', 'customer')
  async listTasks(request: ticketV1.ListTasksRequest, metadata: Metadata): Promise<ticketV1.ListTasksResponse> {
    const caller = callerFrom(metadata);
    const { ticketId } = parseRequest(listTasksRequestSchema, request);
    return { tasks: (await this.tasks.list(caller, ticketId)).map(toTaskMessage) };
  }
}

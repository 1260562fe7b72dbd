import type { Metadata } from '@grpc/grpc-js';
import { queuesV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { toTicketMessage } from '../tickets/ticket-responses.grpc-mapper';
import {
  createQueueRequestSchema,
  getQueueRequestSchema,
  getWorkListRequestSchema,
  listQueuesRequestSchema,
  setQueueScheduleRequestSchema,
  takeTicketRequestSchema,
  updateQueueRequestSchema,
} from './queues-requests.grpc-mapper';
import { toGetWorkListResponse, toListQueuesResponse, toQueueMessage } from './queues-responses.grpc-mapper';
import { QueuesService } from './queues.service';
import { WorkListService } from './work-list.service';

/** The RPCs of `helpdesk.ticket.v1.QueueService` about queues and work. */
export const QUEUE_RPCS = [
  'createQueue',
  'updateQueue',
  'getQueue',
  'listQueues',
  'setQueueSchedule',
  'getWorkList',
  'takeTicket',
] as const satisfies readonly (keyof queuesV1.QueueServiceController)[];

/**
 * `QueueService` queue and work RPCs. Configuration is for admins and integrations; agents
 * read queues, see work lists and take tickets; customers have no access.
 */
@GrpcController()
@GrpcServiceMethods(queuesV1.QUEUE_SERVICE_NAME, QUEUE_RPCS)
export class QueuesGrpcController implements Pick<queuesV1.QueueServiceController, (typeof QUEUE_RPCS)[number]> {
  // Explicit tokens: decorator metadata is not emitted under every test runner.
  constructor(
    @Inject(QueuesService) private readonly queues: QueuesService,
    @Inject(WorkListService) private readonly workLists: WorkListService,
  ) {}

  @Roles('admin', 'integration')
  async createQueue(request: queuesV1.CreateQueueRequest, metadata: Metadata): Promise<queuesV1.CreateQueueResponse> {
    const caller = callerFrom(metadata);
    const input = parseRequest(createQueueRequestSchema, request);
    return { queue: toQueueMessage(await this.queues.create(caller, input)) };
  }

  @Roles('admin', 'integration')
  async updateQueue(request: queuesV1.UpdateQueueRequest, metadata: Metadata): Promise<queuesV1.UpdateQueueResponse> {
    const caller = callerFrom(metadata);
    const { id, patch, expectedVersion } = parseRequest(updateQueueRequestSchema, request);
    return { queue: toQueueMessage(await this.queues.update(caller, id, patch, expectedVersion)) };
  }

  @Roles('admin', 'agent', 'integration')
  async getQueue(request: queuesV1.GetQueueRequest, metadata: Metadata): Promise<queuesV1.GetQueueResponse> {
    callerFrom(metadata);
    const ref = parseRequest(getQueueRequestSchema, request);
    return { queue: toQueueMessage(await this.queues.get(ref)) };
  }

  @Roles('admin', 'agent', 'integration')
  async listQueues(request: queuesV1.ListQueuesRequest, metadata: Metadata): Promise<queuesV1.ListQueuesResponse> {
    callerFrom(metadata);
    const { filter, page } = parseRequest(listQueuesRequestSchema, request);
    return toListQueuesResponse(await this.queues.list(filter, page));
  }

  @Roles('admin', 'integration')
  async setQueueSchedule(request: queuesV1.SetQueueScheduleRequest, metadata: Metadata): Promise<queuesV1.SetQueueScheduleResponse> {
    const caller = callerFrom(metadata);
    const { queueId, slots, expectedVersion } = parseRequest(setQueueScheduleRequestSchema, request);
    return { queue: toQueueMessage(await this.queues.setSchedule(caller, queueId, slots, expectedVersion)) };
  }

  @Roles('agent', 'admin')
  async getWorkList(request: queuesV1.GetWorkListRequest, metadata: Metadata): Promise<queuesV1.GetWorkListResponse> {
    const caller = callerFrom(metadata);
    const { agentId, maxItems } = parseRequest(getWorkListRequestSchema, request);
    return toGetWorkListResponse(await this.workLists.workList(caller, agentId ?? caller.subject, maxItems));
  }

  @Roles('agent', 'admin')
  async takeTicket(request: queuesV1.TakeTicketRequest, metadata: Metadata): Promise<queuesV1.TakeTicketResponse> {
    const caller = callerFrom(metadata);
    const { ticketId, expectedVersion } = parseRequest(takeTicketRequestSchema, request);
    return { ticket: toTicketMessage(await this.workLists.take(caller, ticketId, expectedVersion)) };
  }
}

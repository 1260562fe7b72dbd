import type { Metadata } from '@grpc/grpc-js';
import { queuesV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { UPSERT_OUTCOME_TO_PROTO } from '../queues/queues-enums.grpc-mapper';
import {
  getAgentRequestSchema,
  listAgentsRequestSchema,
  setAgentAvailabilityRequestSchema,
  upsertAgentRequestSchema,
} from '../queues/queues-requests.grpc-mapper';
import { toAgentMessage, toListAgentsResponse } from '../queues/queues-responses.grpc-mapper';
import { AgentsService } from './agents.service';

/** The RPCs of `helpdesk.ticket.v1.QueueService` about agents. */
export const AGENT_RPCS = ['upsertAgent', 'getAgent', 'listAgents', 'setAgentAvailability'] as const satisfies readonly (keyof queuesV1.QueueServiceController)[];

/**
 * `QueueService` agent RPCs. Changing agents is configuration: admins, and integrations that
 * sync agents from an HR system. Staff may read agents; customers have no access.
 */
@GrpcController()
@GrpcServiceMethods(queuesV1.QUEUE_SERVICE_NAME, AGENT_RPCS)
export class AgentsGrpcController implements Pick<queuesV1.QueueServiceController, (typeof AGENT_RPCS)[number]> {
  // Explicit token: decorator metadata is not emitted under every test runner.
  constructor(@Inject(AgentsService) private readonly agents: AgentsService) {}

  @Roles('admin', 'integration')
  async upsertAgent(request: queuesV1.UpsertAgentRequest, metadata: Metadata): Promise<queuesV1.UpsertAgentResponse> {
    const caller = callerFrom(metadata);
    const { id, profile, expectedVersion } = parseRequest(upsertAgentRequestSchema, request);
    const { agent, outcome } = await this.agents.upsert(caller, id, profile, expectedVersion);
    return { agent: toAgentMessage(agent, this.agents.now()), outcome: UPSERT_OUTCOME_TO_PROTO[outcome] };
  }

  @Roles('admin', 'agent', 'integration')
  async getAgent(request: queuesV1.GetAgentRequest, metadata: Metadata): Promise<queuesV1.GetAgentResponse> {
    callerFrom(metadata);
    const { id } = parseRequest(getAgentRequestSchema, request);
    return { agent: toAgentMessage(await this.agents.get(id), this.agents.now()) };
  }

  @Roles('admin', 'agent', 'integration')
  async listAgents(request: queuesV1.ListAgentsRequest, metadata: Metadata): Promise<queuesV1.ListAgentsResponse> {
    callerFrom(metadata);
    const { includeArchived, page } = parseRequest(listAgentsRequestSchema, request);
    return toListAgentsResponse(await this.agents.list({ includeArchived }, page), this.agents.now());
  }

  @Roles('admin', 'integration')
  async setAgentAvailability(request: queuesV1.SetAgentAvailabilityRequest, metadata: Metadata): Promise<queuesV1.SetAgentAvailabilityResponse> {
    const caller = callerFrom(metadata);
    const { agentId, input, reason } = parseRequest(setAgentAvailabilityRequestSchema, request);
    const result = await this.agents.setAvailability(caller, agentId, input, reason);
    return { agent: toAgentMessage(result.agent, this.agents.now()), reassignedTicketIds: [...result.reassignedTicketIds] };
  }
}

import { grpcClient, signTestJwt, type TestGrpcClient } from '@helpdesk/testing';
import type { Platform } from './platform';

/** The gRPC APIs of the platform, as an API client (agent desktop, ERP, admin tool) reaches them. */
export interface Clients {
  readonly tickets: TestGrpcClient;
  readonly directory: TestGrpcClient;
  readonly queues: TestGrpcClient;
  readonly mail: TestGrpcClient;
  readonly telephony: TestGrpcClient;
  readonly sla: TestGrpcClient;
  readonly billing: TestGrpcClient;
  readonly knowledge: TestGrpcClient;
  close(): void;
}

export function connectClients(platform: Platform): Clients {
  const { grpc } = platform;
  const clients = {
    tickets: grpcClient(grpc.ticket, 'helpdesk.ticket.v1.TicketService', 'helpdesk/ticket/v1/ticket.proto'),
    directory: grpcClient(grpc.ticket, 'helpdesk.ticket.v1.DirectoryService', 'helpdesk/ticket/v1/directory.proto'),
    queues: grpcClient(grpc.ticket, 'helpdesk.ticket.v1.QueueService', 'helpdesk/ticket/v1/queues.proto'),
    mail: grpcClient(grpc['mail-gateway'], 'helpdesk.mail.v1.MailService', 'helpdesk/mail/v1/mail.proto'),
    telephony: grpcClient(grpc['telephony-gateway'], 'helpdesk.telephony.v1.TelephonyService', 'helpdesk/telephony/v1/telephony.proto'),
    sla: grpcClient(grpc.sla, 'helpdesk.sla.v1.SlaService', 'helpdesk/sla/v1/sla.proto'),
    billing: grpcClient(grpc.billing, 'helpdesk.billing.v1.BillingService', 'helpdesk/billing/v1/billing.proto'),
    knowledge: grpcClient(grpc.knowledge, 'helpdesk.knowledge.v1.KnowledgeService', 'helpdesk/knowledge/v1/knowledge.proto'),
  };
  return { ...clients, close: () => Object.values(clients).forEach((c) => c.close()) };
}

/** Bearer tokens of the people and systems in the journey. */
export interface Tokens {
  readonly admin: string;
  /** The agent (its `sub` is the agent id of the directory). */
  readonly agent: string;
  readonly integration: string;
}

export async function signTokens(agentId: string): Promise<Tokens> {
  return {
    admin: await signTestJwt({ sub: 'e2e-admin', roles: ['admin'] }),
    agent: await signTestJwt({ sub: agentId, roles: ['agent'] }),
    integration: await signTestJwt({ sub: 'e2e-erp', roles: ['integration'] }),
  };
}

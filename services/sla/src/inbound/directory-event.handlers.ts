import { agentUpsertedV1, contractUpsertedV1, customerUpsertedV1, queueUpsertedV1 } from '@helpdesk/contracts';
import { eventHandler, type EventHandlerDefinition } from '@helpdesk/messaging';
import { DirectoryRepository } from '../directory/directory.repository';

/**
 * Directory read models: which policy a contract names (`slaPolicyId`) and the people escalations
 * go to. A contract's new policy applies to tickets from their next change on.
 */
export function directoryEventHandlers(): EventHandlerDefinition[] {
  const directory = new DirectoryRepository();
  return [
    eventHandler({
      event: contractUpsertedV1,
      durable: 'sla-directory-contract',
      handle: ({ data }, tx) =>
        directory.upsertContract(tx.manager, { contractId: data.contractId, policyId: data.slaPolicyId, active: data.active, version: data.version }),
    }),
    eventHandler({
      event: agentUpsertedV1,
      durable: 'sla-directory-agent',
      handle: ({ data }, tx) => directory.upsertAgent(tx.manager, { agentId: data.agentId, displayName: data.displayName, email: data.email, version: data.version }),
    }),
    eventHandler({
      event: queueUpsertedV1,
      durable: 'sla-directory-queue',
      handle: ({ data }, tx) => directory.upsertQueue(tx.manager, { queueId: data.queueId, leadAgentId: data.leadAgentId, version: data.version }),
    }),
    eventHandler({
      event: customerUpsertedV1,
      durable: 'sla-directory-customer',
      handle: ({ data }, tx) => directory.upsertCustomer(tx.manager, { customerId: data.customerId, accountManagerId: data.accountManagerId, version: data.version }),
    }),
  ] as EventHandlerDefinition[];
}

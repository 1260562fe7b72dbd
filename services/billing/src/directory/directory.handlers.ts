import { agentUpsertedV1, contractUpsertedV1, customerUpsertedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { DirectoryRepository } from './directory.repository';

/** The directory read models billing keeps: contracts (plan, free support, quota), customers and agents for statements. */
export const directoryHandlers = [
  eventHandler({
    event: contractUpsertedV1,
    durable: 'billing-directory-contract',
    handle: ({ data }, tx) => tx.get(DirectoryRepository).upsertContract(data),
  }),
  eventHandler({
    event: customerUpsertedV1,
    durable: 'billing-directory-customer',
    handle: ({ data }, tx) => tx.get(DirectoryRepository).upsertCustomer(data),
  }),
  eventHandler({
    event: agentUpsertedV1,
    durable: 'billing-directory-agent',
    handle: ({ data }, tx) => tx.get(DirectoryRepository).upsertAgent(data),
  }),
];

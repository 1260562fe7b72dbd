import { agentUpsertedV1, contactUpsertedV1 } from '@helpdesk/contracts';
import { eventHandler } from '@helpdesk/messaging';
import { ThreadIndexRepository } from './thread-index.repository';

/** A contact's mail addresses make it a participant of its tickets (an archived contact has none). */
export function onContactUpserted() {
  return eventHandler({
    event: contactUpsertedV1,
    durable: 'mail-gateway-contacts',
    handle: async ({ data }, tx) => {
      const addresses = data.active ? data.emails.map((e) => e.address) : [];
      await tx.get(ThreadIndexRepository).replaceContactAddresses(data.contactId, data.version, addresses);
    },
  });
}

/** Agents take part in every ticket: a mail an agent writes from their own client threads by tag. */
export function onAgentUpserted() {
  return eventHandler({
    event: agentUpsertedV1,
    durable: 'mail-gateway-agents',
    handle: ({ data }, tx) => tx.get(ThreadIndexRepository).upsertAgentAddress(data.agentId, data.email),
  });
}

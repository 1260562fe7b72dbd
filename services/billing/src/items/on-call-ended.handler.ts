import { callEndedV1 } from '@helpdesk/contracts';
import { eventHandler, uuidv7 } from '@helpdesk/messaging';
import { ItemsRepository } from './items.repository';

/**
 * An answered call becomes a call item priced by the hotline pricing, once per callId. Its
 * ticket is the one the call named, or the one whose work entry was made from it.
 */
export function onCallEnded(timeZone: string, clock: () => Date = () => new Date()) {
  return eventHandler({
    event: callEndedV1,
    durable: 'billing-call-ended',
    appliesTo: ({ data }) => data.outcome === 'answered',
    async handle({ data }, tx) {
      const items = new ItemsRepository(tx.manager, timeZone);
      const ticket = data.ticketId ? { ticketId: data.ticketId, ticketNumber: null } : await items.ticketOfCall(data.callId);
      await items.insertOnce(
        {
          id: uuidv7(),
          source: 'call',
          sourceId: data.callId,
          customerId: data.customerId,
          contractId: null,
          ticketId: ticket?.ticketId ?? null,
          ticketNumber: ticket?.ticketNumber ?? null,
          activityType: null,
          agentId: data.agentId,
          performedAt: new Date(data.answeredAt ?? data.startedAt),
          minutes: Math.ceil(data.talkSeconds / 60),
          talkSeconds: data.talkSeconds,
          callerNumber: data.direction === 'inbound' ? (data.from ?? data.fromRaw) : (data.to ?? data.toRaw),
          callId: null,
          billable: true,
          materials: [],
          description: '',
          voidedAt: null,
          voidReason: null,
        },
        clock(),
      );
    },
  });
}

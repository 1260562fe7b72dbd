import { callEndedV1, type CallEndedV1, type CloudEvent } from '@helpdesk/contracts';
import { eventHandler, uuidv7, type HandlerContext } from '@helpdesk/messaging';
import { ItemsRepository, type NewItem } from './items.repository';

/** The call item of an answered call; its ticket the one the call named, else `ticket`. */
function callItem(data: CallEndedV1, ticket: { ticketId: string; ticketNumber: string | null } | undefined): NewItem {
  return {
    id: uuidv7(),
    source: 'call',
    sourceId: data.callId,
    customerId: data.customerId,
    contractId: null,
    ticketId: data.ticketId ?? ticket?.ticketId ?? null,
    ticketNumber: data.ticketId ? null : (ticket?.ticketNumber ?? null),
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
  };
}

/**
 * An answered call becomes a call item priced by the hotline pricing, once per callId. Its
 * ticket is the one the call named, or the one whose work entry was made from it. Deliveries
 * are stored in batches, one statement per batch.
 */
export function onCallEnded(timeZone: string, clock: () => Date = () => new Date()) {
  const record = async (events: readonly CloudEvent<CallEndedV1>[], tx: HandlerContext): Promise<void> => {
    const items = new ItemsRepository(tx.manager, timeZone);
    const tickets = await items.ticketsOfCalls(events.filter((e) => !e.data.ticketId).map((e) => e.data.callId));
    await items.insertMany(events.map(({ data }) => callItem(data, tickets.get(data.callId.toLowerCase()))), clock());
  };
  return eventHandler({
    event: callEndedV1,
    durable: 'billing-call-ended',
    batchSize: 500,
    appliesTo: ({ data }) => data.outcome === 'answered',
    handle: (event, tx) => record([event], tx),
    handleBatch: record,
  });
}

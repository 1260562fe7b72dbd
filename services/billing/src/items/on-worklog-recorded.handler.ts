import { ticketWorklogRecordedV1, type CloudEvent, type TicketSnapshot, type TicketWorklogRecordedV1, type WorkLogEntry } from '@helpdesk/contracts';
import { eventHandler, uuidv7, type HandlerContext } from '@helpdesk/messaging';
import { governingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import { PackageThresholds } from '../quotas/package-thresholds';
import { QuotasService, type WorkUsage } from '../quotas/quotas.service';
import { dayIn } from '../shared/calendar';
import { ItemsRepository, type NewItem } from './items.repository';

/** The billable item of a work log entry (voided when `voided` is given). */
export function workItem(ticket: TicketSnapshot, entry: WorkLogEntry, contractId: string | null, voided: { at: Date; reason: string } | null): NewItem {
  return {
    id: uuidv7(),
    source: 'worklog',
    sourceId: entry.entryId,
    customerId: ticket.customerId,
    contractId,
    ticketId: ticket.ticketId,
    ticketNumber: ticket.number,
    activityType: entry.activityType,
    agentId: entry.agentId,
    performedAt: new Date(entry.performedOn),
    minutes: entry.durationMinutes,
    talkSeconds: null,
    callerNumber: null,
    callId: entry.callId,
    billable: entry.billable,
    materials: entry.materials,
    description: entry.note,
    voidedAt: voided?.at ?? null,
    voidReason: voided?.reason ?? null,
  };
}

/**
 * Work log entries become billable items (or documented non-billable effort), once per entryId.
 * Deliveries are handled in batches: one statement stores all items of a batch, and quota and
 * package thresholds are checked once per batch for the customers whose usage grew.
 */
export function onWorklogRecorded(timeZone: string, clock: () => Date = () => new Date()) {
  const quotas = new QuotasService(timeZone);
  const packages = new PackageThresholds(timeZone);
  const record = async (events: readonly CloudEvent<TicketWorklogRecordedV1>[], tx: HandlerContext): Promise<void> => {
    const now = clock();
    const unnamed = [...new Set(events.filter((e) => e.data.ticket.contractId === null && e.data.ticket.customerId !== null).map((e) => e.data.ticket.customerId as string))];
    const contracts = await new DirectoryRepository(tx.manager).contractsOf(unnamed);
    const items = events.map(({ data: { ticket, entry } }) => {
      const day = dayIn(new Date(entry.performedOn), timeZone);
      const contractId = ticket.contractId ?? (ticket.customerId ? (governingContract(contracts, ticket.customerId, null, day)?.id ?? null) : null);
      return workItem(ticket, entry, contractId, null);
    });
    const repository = new ItemsRepository(tx.manager, timeZone);
    const stored = await repository.insertMany(items, now);
    const usage: WorkUsage[] = [];
    const calls: { callId: string; ticketId: string; ticketNumber: string }[] = [];
    for (const item of items) {
      const inserted = stored.get(item.sourceId.toLowerCase());
      if (!inserted) continue;
      if (item.callId && item.ticketId && item.ticketNumber) calls.push({ callId: item.callId, ticketId: item.ticketId, ticketNumber: item.ticketNumber });
      if (item.billable && item.customerId && item.minutes > 0) usage.push({ customerId: item.customerId, contractId: item.contractId, performedOn: inserted.performedOn, minutes: item.minutes, hasQuota: inserted.hasQuota });
    }
    await repository.attachCallsToTickets(calls);
    await quotas.afterWork(tx.manager, tx.outbox, usage.filter((u) => u.hasQuota), now);
    await packages.afterWork(tx.manager, tx.outbox, usage, now);
  };
  return eventHandler({
    event: ticketWorklogRecordedV1,
    durable: 'billing-worklog-recorded',
    batchSize: 500,
    handle: (event, tx) => record([event], tx),
    handleBatch: record,
  });
}

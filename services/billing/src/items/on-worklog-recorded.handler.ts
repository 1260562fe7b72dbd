import { ticketWorklogRecordedV1, type TicketSnapshot, type WorkLogEntry } from '@helpdesk/contracts';
import { eventHandler, uuidv7 } from '@helpdesk/messaging';
import { governingContract } from '../directory/billing-contract';
import { DirectoryRepository } from '../directory/directory.repository';
import { QuotasService } from '../quotas/quotas.service';
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

/** Work log entries become billable items (or documented non-billable effort), once per entryId. */
export function onWorklogRecorded(timeZone: string, clock: () => Date = () => new Date()) {
  const quotas = new QuotasService(timeZone);
  return eventHandler({
    event: ticketWorklogRecordedV1,
    durable: 'billing-worklog-recorded',
    async handle({ data }, tx) {
      const { ticket, entry } = data;
      const day = dayIn(new Date(entry.performedOn), timeZone);
      const contractId = ticket.contractId ?? (ticket.customerId ? (governingContract(await new DirectoryRepository(tx.manager).contractsOf([ticket.customerId]), ticket.customerId, null, day)?.id ?? null) : null);
      const items = new ItemsRepository(tx.manager, timeZone);
      const stored = await items.insertOnce(workItem(ticket, entry, contractId, null), clock());
      if (stored === null) return;
      if (entry.callId) await items.attachCallToTicket(entry.callId, ticket.ticketId, ticket.number);
      if (stored.hasQuota && entry.billable && ticket.customerId && entry.durationMinutes > 0) {
        await quotas.afterWork(tx.manager, tx.outbox, { customerId: ticket.customerId, contractId, performedOn: stored.performedOn, minutes: entry.durationMinutes }, clock());
      }
    },
  });
}

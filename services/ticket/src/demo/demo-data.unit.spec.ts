import { normaliseContact } from '../directory/contacts/contact';
import { checkSchedule } from '../queues/queue-schedule';
import { demoDirectory } from './demo-directory';
import { DEMO_AGENTS, DEMO_QUEUE_SET } from './demo-staff';
import { demoTickets } from './demo-tickets';

// The database rejects a broken reference too, but only at start; these name the typo at once.
describe('demo data set', () => {
  const now = new Date('2026-11-24T09:30:00Z');
  const directory = demoDirectory(now.getUTCFullYear());
  const numbers = new Set(directory.organisations.map((o) => o.customerNumber));
  const contactOf = new Map(directory.contacts.flatMap(({ customerNumber, contact }) => contact.emails.map((e) => [e.address, customerNumber] as const)));

  it('has valid contacts of known organisations', () => {
    for (const { customerNumber, contact } of directory.contacts) {
      expect(numbers).toContain(customerNumber);
      expect(() => normaliseContact({ ...contact, customerId: null }, 'DE')).not.toThrow();
    }
  });

  it('ties contracts and assets to known organisations and contracts', () => {
    const contracts = new Set(directory.contracts.map((c) => c.contract.contractNumber));
    for (const { customerNumber } of directory.contracts) expect(numbers).toContain(customerNumber);
    for (const { customerNumber, supplierNumber, contractNumber } of directory.assets) {
      expect([customerNumber, supplierNumber].filter((n) => !numbers.has(n))).toEqual([]);
      expect(contracts).toContain(contractNumber);
    }
  });

  it('gives every queue known members and a schedule its members serve', () => {
    const agents = Object.values(DEMO_AGENTS).map((a) => a.id);
    for (const { input, schedule } of DEMO_QUEUE_SET) {
      expect(input.memberIds.filter((id) => !agents.includes(id))).toEqual([]);
      expect(() => checkSchedule(schedule, input.memberIds)).not.toThrow();
    }
  });

  it('opens each ticket for a contact of its own customer, in queues that exist', () => {
    const queues = new Set(DEMO_QUEUE_SET.map((q) => q.input.key));
    const tickets = demoTickets(now);
    expect(tickets).toHaveLength(8);
    for (const ticket of tickets) {
      if (ticket.contactEmail !== null) expect(contactOf.get(ticket.contactEmail)).toBe(ticket.customerNumber);
      if (ticket.queueKey !== null) expect(queues).toContain(ticket.queueKey);
    }
  });

  it('records work in the past and books the on-site appointment on the next weekday', () => {
    const appointmentOn = (day: Date) => demoTickets(day).flatMap((t) => t.steps.flatMap((s) => (s.kind === 'task' ? [s.appointment] : [])))[0];
    for (const step of demoTickets(now).flatMap((t) => t.steps)) if (step.kind === 'work') expect(step.endedAt.getTime()).toBeLessThan(now.getTime());
    expect(appointmentOn(now)).toMatchObject({ mode: 'on_site', startsAt: new Date('2026-11-25T08:00:00Z'), endsAt: new Date('2026-11-25T10:00:00Z') });
    expect(appointmentOn(new Date('2026-11-27T16:00:00Z'))?.startsAt).toEqual(new Date('2026-11-30T08:00:00Z'));
  });
});

import { randomUUID } from 'node:crypto';
import { callEndedV1, contractUpsertedV1, ticketWorklogRecordedV1, type SubjectNaming } from '@helpdesk/contracts';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';

/** The generated customers: one contract each under the bench plan. */
export interface BenchCustomer {
  readonly customerId: string;
  readonly contractId: string;
  readonly tickets: readonly { ticketId: string; number: string }[];
}

const IN_FLIGHT = 2_000;

/** Publishes CloudEvents with bounded in-flight JetStream acks; returns the count. */
export async function publishAll(nc: NatsConnection, naming: SubjectNaming, events: Iterable<{ type: string; subject: string; data: unknown }>): Promise<number> {
  const js = jetstream(nc);
  const pending = new Set<Promise<unknown>>();
  let count = 0;
  const time = new Date().toISOString();
  for (const e of events) {
    const id = randomUUID();
    const body = JSON.stringify({ specversion: '1.0', id, source: 'helpdesk/bench', type: e.type, subject: e.subject, time, datacontenttype: 'application/json', data: e.data });
    const p = js.publish(naming.subject(e.type), body, { msgID: id }).finally(() => pending.delete(p));
    pending.add(p);
    count += 1;
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return count;
}

/** 10 000 customers (or `count`), each with a contract under `planId` and five tickets. */
export function benchCustomers(count: number): BenchCustomer[] {
  return Array.from({ length: count }, (_, c) => ({
    customerId: randomUUID(),
    contractId: randomUUID(),
    tickets: Array.from({ length: 5 }, (_, t) => ({ ticketId: randomUUID(), number: `T-${c * 5 + t + 100_000}` })),
  }));
}

/** The contracts of the customers. */
export function* contractEvents(customers: readonly BenchCustomer[], planId: string): Generator<{ type: string; subject: string; data: unknown }> {
  for (const c of customers) {
    yield {
      type: contractUpsertedV1.type,
      subject: c.contractId,
      data: { ...contractUpsertedV1.example, contractId: c.contractId, customerId: c.customerId, contractNumber: `V-${c.contractId}`, billingPlanId: planId, quotaRef: null, validFrom: '2026-01-01', validUntil: null, version: 1 },
    };
  }
}

/** `total` events over the customers in November 2026: per customer nine work log entries to one answered call, over its five tickets. */
export function* usageEvents(customers: readonly BenchCustomer[], total: number): Generator<{ type: string; subject: string; data: unknown }> {
  const base = ticketWorklogRecordedV1.example;
  for (let i = 0; i < total; i += 1) {
    const c = customers[i % customers.length] as BenchCustomer;
    // The customer's own count: every customer's events spread over its five tickets and both kinds.
    const k = Math.floor(i / customers.length);
    const ticket = c.tickets[k % c.tickets.length] as { ticketId: string; number: string };
    const at = new Date(Date.UTC(2026, 10, 1 + (i % 29), 8 + (i % 9), i % 60)).toISOString();
    if (k % 10 === 9) {
      const callId = randomUUID();
      yield { type: callEndedV1.type, subject: callId, data: { ...callEndedV1.example, callId, customerId: c.customerId, ticketId: ticket.ticketId, talkSeconds: 30 + (i % 900), answeredAt: at, startedAt: at, endedAt: at } };
    } else {
      yield {
        type: ticketWorklogRecordedV1.type,
        subject: ticket.ticketId,
        data: {
          ...base,
          ticket: { ...base.ticket, ticketId: ticket.ticketId, number: ticket.number, customerId: c.customerId, contractId: c.contractId },
          entry: { ...base.entry, entryId: randomUUID(), durationMinutes: 5 + (i % 55), performedOn: at, startedAt: null, endedAt: null, materials: [], note: 'Bench work' },
        },
      };
    }
  }
}

/** 1 000 tickets with one entry each and 200 calls for one customer: a 1 000-line statement plus its call list. */
export function* bigStatementEvents(customer: BenchCustomer): Generator<{ type: string; subject: string; data: unknown }> {
  const base = ticketWorklogRecordedV1.example;
  for (let i = 0; i < 1_000; i += 1) {
    const ticketId = randomUUID();
    const at = new Date(Date.UTC(2026, 10, 1 + (i % 29), 9)).toISOString();
    yield {
      type: ticketWorklogRecordedV1.type,
      subject: ticketId,
      data: {
        ...base,
        ticket: { ...base.ticket, ticketId, number: `T-${900_000 + i}`, customerId: customer.customerId, contractId: customer.contractId },
        entry: { ...base.entry, entryId: randomUUID(), durationMinutes: 20, performedOn: at, startedAt: null, endedAt: null, materials: [], note: `Ticket work ${i}` },
      },
    };
  }
  for (let i = 0; i < 200; i += 1) {
    const callId = randomUUID();
    const at = new Date(Date.UTC(2026, 10, 1 + (i % 29), 10)).toISOString();
    yield { type: callEndedV1.type, subject: callId, data: { ...callEndedV1.example, callId, customerId: customer.customerId, ticketId: null, talkSeconds: 125, answeredAt: at, startedAt: at, endedAt: at } };
  }
}

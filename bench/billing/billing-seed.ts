import type { Client } from 'pg';
import type { BenchCustomer } from './billing-events';

/**
 * Writes `count` billable items straight into the billing database with one
 * `INSERT … SELECT generate_series`, shaped like {@link usageEvents} (nine work entries of
 * 5–59 minutes to one answered call of 30–929 s, spread over the customers' five tickets and
 * November 2026): so IssueRun can be measured over a million items without consuming a
 * million events first. `offset` continues the sequence of the consumed events. Items seeded
 * this way never passed the consumers; the output says so.
 */
export async function seedItems(pg: Client, customers: readonly BenchCustomer[], count: number, offset: number): Promise<void> {
  const tickets = customers.flatMap((c) => c.tickets);
  await pg.query(
    `INSERT INTO billable_items (id, source, source_id, customer_id, contract_id, ticket_id, ticket_number, activity_type, agent_id,
       performed_at, performed_on, minutes, talk_seconds, caller_number, call_id, billable, materials, description, received_at)
     SELECT gen_random_uuid(), CASE WHEN call THEN 'call' ELSE 'worklog' END, gen_random_uuid(), ($1::uuid[])[1 + c], CASE WHEN call THEN NULL ELSE ($2::uuid[])[1 + c] END,
       ($3::uuid[])[1 + c * 5 + t], CASE WHEN call THEN NULL ELSE ($4::text[])[1 + c * 5 + t] END, CASE WHEN call THEN NULL ELSE 'remote_support' END,
       '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', at, (at AT TIME ZONE 'Europe/Berlin')::date,
       CASE WHEN call THEN ceil((30 + i % 900) / 60.0)::int ELSE 5 + i % 55 END, CASE WHEN call THEN 30 + i % 900 END,
       CASE WHEN call THEN '+4930123456' END, NULL, true, '[]', CASE WHEN call THEN '' ELSE 'Bench work' END, now()
     FROM (SELECT i, i % $5 AS c, (i / $5) % 5 AS t, (i / $5) % 10 = 9 AS call,
             timestamptz '2026-11-01 00:00:00+00' + make_interval(days => (i % 29)::int, hours => (8 + i % 9)::int, mins => (i % 60)::int) AS at
           FROM generate_series($7::int, $7::int + $6::int - 1) AS i) g`,
    [customers.map((c) => c.customerId), customers.map((c) => c.contractId), tickets.map((t) => t.ticketId), tickets.map((t) => t.number), customers.length, count, offset],
  );
  await pg.query('VACUUM ANALYZE billable_items');
}

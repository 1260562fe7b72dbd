import { Client } from 'pg';

/**
 * Fills the service's `tickets` table with `count` realistic rows in one
 * `INSERT … SELECT generate_series` statement, then VACUUM ANALYZE (what autovacuum would have
 * done to a table that grew over two years). Rows are inserted oldest first, as a real table
 * grows, with UUIDv7 ids from their creation time. The shape:
 *
 * - created over the last 730 days; the last days hold the open backlog (new, open, in_progress,
 *   pending), older tickets are mostly closed, some cancelled, a few stale ones still open;
 * - priority low 20 % / normal 55 % / high 20 % / critical 5 %; category technical 50 %,
 *   billing 20 %, sales 12 %, hr 5 %, other 13 %; channel mostly email and phone;
 * - 97 % name one of 5 000 customers, skewed (the largest has ~1.4 % of all tickets) and one of
 *   6 contacts each; 70 % of customers have a contract and so an SLA with due and warning times
 *   and a traffic light (open tickets: from the due time; done ones: as last reported);
 * - 60 agents; new tickets are mostly unassigned; 90 % sit in the queue of their category;
 * - 0–2 of 16 tags; summary and description from 24 topics, technical ones with an error code.
 */
const SEED_SQL = `
INSERT INTO tickets (id, number, version, summary, description, channel, category, priority, priority_rank, status,
  customer_id, contact_id, contract_id, asset_ids, assignee_id, queue_id, due_at, warning_at, sla_traffic_light, sla_rank,
  sla_overdue, tags, resolution, resolution_code, external_references, created_at, created_by, updated_at, updated_by,
  resolved_at, closed_at)
SELECT
  (lpad(to_hex((extract(epoch FROM created_at) * 1000)::bigint), 12, '0') || '7' || substr(md5(i::text), 1, 3)
    || substr('89ab', 1 + (i % 4), 1) || substr(md5(i::text), 4, 15))::uuid,
  'T-' || (99999 + i), version, summary, description, channel, category, priority, priority_rank, status,
  customer_id, contact_id, contract_id, asset_ids, assignee_id, queue_id, pg_temp.ms(due_at), pg_temp.ms(warning_at), light,
  CASE light WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END,
  COALESCE(NOT done AND due_at < now(), false), tags,
  CASE WHEN status IN ('resolved', 'closed') THEN 'Solved: ' || summary END,
  CASE WHEN status IN ('resolved', 'closed') THEN 'solved' END,
  CASE WHEN r_tag < 0.05 THEN jsonb_build_array(jsonb_build_object('system', 'erp', 'kind', 'order', 'value', 'SO-' || i)) ELSE '[]'::jsonb END,
  pg_temp.ms(created_at), actor, pg_temp.ms(updated_at), actor,
  pg_temp.ms(CASE WHEN status = 'resolved' THEN updated_at WHEN status = 'closed' THEN created_at + (updated_at - created_at) * 0.7 END),
  pg_temp.ms(CASE WHEN status IN ('closed', 'cancelled') THEN updated_at END)
FROM (
  SELECT s2.*,
    CASE WHEN sla_hours IS NULL THEN NULL
      WHEN status = 'pending' THEN now() + r_sla * interval '5 days'
      ELSE created_at + sla_hours * interval '1 hour' END AS due_at,
    CASE WHEN sla_hours IS NULL THEN NULL
      WHEN done THEN (CASE WHEN r_sla < 0.9 THEN 'green' WHEN r_sla < 0.95 THEN 'yellow' ELSE 'red' END)
      WHEN status = 'pending' THEN (CASE WHEN r_sla < 0.1 THEN 'yellow' ELSE 'green' END)
      WHEN created_at + sla_hours * interval '1 hour' < now() THEN 'red'
      WHEN created_at + sla_hours * interval '45 minutes' < now() THEN 'yellow'
      ELSE 'green' END AS light,
    CASE WHEN sla_hours IS NULL THEN NULL
      WHEN status = 'pending' THEN now() + r_sla * interval '5 days' - sla_hours * interval '15 minutes'
      ELSE created_at + sla_hours * interval '45 minutes' END AS warning_at,
    CASE WHEN done THEN created_at + r_upd * least(now() - created_at, interval '20 days')
      ELSE created_at + r_upd * (now() - created_at) END AS updated_at,
    (CASE WHEN done THEN 4 ELSE 1 END) + floor(r_upd * 8)::int AS version
  FROM (
    SELECT s1.*,
      status IN ('resolved', 'closed', 'cancelled') AS done,
      CASE WHEN customer_n IS NOT NULL AND customer_n % 10 < 7
        THEN (CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 8 WHEN 'normal' THEN 24 ELSE 72 END) END AS sla_hours,
      pg_temp.seed_id('customer-' || customer_n) AS customer_id,
      pg_temp.seed_id('contact-' || customer_n || '-' || floor(r_contact * 6)) AS contact_id,
      CASE WHEN customer_n % 10 < 7 THEN pg_temp.seed_id('contract-' || customer_n) END AS contract_id,
      CASE WHEN customer_n IS NOT NULL AND r_contact < 0.3 THEN ARRAY[pg_temp.seed_id('asset-' || customer_n || '-' || floor(r_contact * 10))] ELSE '{}' END AS asset_ids,
      CASE WHEN status = 'new' AND r_agent < 0.7 THEN NULL WHEN r_agent > 0.97 THEN NULL ELSE pg_temp.seed_id('agent-' || floor(r_agent * 60)) END AS assignee_id,
      CASE WHEN r_queue < 0.9 THEN pg_temp.seed_id('queue-' || category) END AS queue_id,
      jsonb_build_object('kind', 'agent', 'id', pg_temp.seed_id('agent-' || floor(r_agent * 60)), 'displayName', 'agent-' || floor(r_agent * 60)) AS actor,
      CASE WHEN r_tag < 0.4 THEN '{}'::text[]
        WHEN r_tag < 0.8 THEN ARRAY[tag_names[1 + floor(r_tag * 1000)::int % 16]]
        ELSE ARRAY[tag_names[1 + floor(r_tag * 1000)::int % 16], tag_names[1 + (floor(r_tag * 1000)::int + 1 + floor(r_queue * 7)::int) % 16]] END AS tags,
      topics[1 + topic_n][1] AS summary,
      topics[1 + topic_n][2] || CASE WHEN category = 'technical' THEN ' Error code ' || (100 + (i::bigint * 7919) % 900) || '.' ELSE '' END
        || ' Customer reference ' || i || '.' AS description
    FROM (
      SELECT s0.*,
        CASE WHEN age_days < 3 THEN (ARRAY['new', 'new', 'open', 'open', 'in_progress', 'in_progress', 'in_progress', 'pending', 'resolved', 'resolved'])[1 + floor(r_status * 10)::int]
          WHEN age_days < 14 THEN (ARRAY['open', 'in_progress', 'in_progress', 'pending', 'pending', 'resolved', 'resolved', 'closed', 'closed', 'closed'])[1 + floor(r_status * 10)::int]
          WHEN age_days < 60 THEN (CASE WHEN r_status < 0.04 THEN 'in_progress' WHEN r_status < 0.08 THEN 'pending' WHEN r_status < 0.12 THEN 'cancelled' ELSE 'closed' END)
          ELSE (CASE WHEN r_status < 0.003 THEN 'open' WHEN r_status < 0.006 THEN 'in_progress' WHEN r_status < 0.01 THEN 'pending' WHEN r_status < 0.05 THEN 'cancelled' ELSE 'closed' END)
        END AS status,
        CASE WHEN r_prio < 0.2 THEN 'low' WHEN r_prio < 0.75 THEN 'normal' WHEN r_prio < 0.95 THEN 'high' ELSE 'critical' END AS priority,
        CASE WHEN r_prio < 0.2 THEN 1 WHEN r_prio < 0.75 THEN 2 WHEN r_prio < 0.95 THEN 3 ELSE 4 END AS priority_rank,
        CASE WHEN r_cat < 0.5 THEN 'technical' WHEN r_cat < 0.7 THEN 'billing' WHEN r_cat < 0.82 THEN 'sales' WHEN r_cat < 0.87 THEN 'hr' ELSE 'other' END AS category,
        (ARRAY['email', 'email', 'email', 'email', 'email', 'email', 'email', 'email', 'phone', 'phone', 'phone', 'phone', 'phone',
          'portal', 'portal', 'portal', 'api', 'chat', 'monitoring', 'form'])[1 + floor(r_chan * 20)::int] AS channel,
        CASE WHEN r_cust < 0.97 THEN floor(5000 * power(r_cust / 0.97, 2))::int END AS customer_n,
        CASE WHEN r_cat < 0.5 THEN (ARRAY[0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23])[1 + floor(r_topic * 12)::int]
          WHEN r_cat < 0.7 THEN 6 WHEN r_cat < 0.82 THEN 9 WHEN r_cat < 0.87 THEN 12 ELSE 15 END
          + CASE WHEN r_cat < 0.5 THEN 0 ELSE floor(r_topic * 3)::int END AS topic_n
      FROM (
        SELECT i, 730.0 * ($1::int - i) / $1::int AS age_days,
          now() - (730.0 * ($1::int - i) / $1::int)::float8 * interval '1 day' - random() * interval '1 minute' AS created_at,
          random() AS r_status, random() AS r_prio, random() AS r_cat, random() AS r_cust, random() AS r_contact,
          random() AS r_agent, random() AS r_topic, random() AS r_tag, random() AS r_sla, random() AS r_upd,
          random() AS r_chan, random() AS r_queue
        FROM generate_series(1, $1::int) AS i
      ) s0
    ) s1,
    (SELECT ARRAY['vpn', 'printer', 'email', 'hardware', 'software', 'network', 'account', 'invoice', 'onsite', 'vip',
       'escalated', 'warranty', 'remote', 'callback', 'security', 'mobile'] AS tag_names) t,
    (SELECT ARRAY[
       ['VPN client reports error 809', 'Since this morning the VPN client on three laptops reports an error when connecting from home.'],
       ['Printer on floor 3 is offline', 'The network printer in room 3.14 shows offline for everyone; restarting it did not help.'],
       ['Laptop does not boot after update', 'After the nightly update the laptop stays on a black screen with a blinking cursor.'],
       ['Outlook does not synchronise the mailbox', 'Outlook stays at updating folders and new mail only arrives in the web client.'],
       ['Password reset for the ERP account', 'A colleague is locked out of the ERP after too many attempts and needs a new initial password.'],
       ['Server room temperature alarm', 'Monitoring reports 31 degrees in the server room; the air conditioning may have failed.'],
       ['Invoice amount does not match the order', 'The invoice lists 12 licences, our order was for 10. Please correct and resend it.'],
       ['Duplicate invoice received', 'We received the same invoice twice by mail and by post; which one should we pay?'],
       ['Change of billing address', 'Please send future invoices to our new accounting department address in Hamburg.'],
       ['Quote for additional licences', 'We would like a quote for 25 more user licences including the premium support plan.'],
       ['Demo of the new reporting module', 'Our controlling team would like a demo of the reporting module next week.'],
       ['Upgrade to the enterprise plan', 'What does the upgrade to the enterprise plan cost and what changes for our contract?'],
       ['Onboarding: hardware for a new employee', 'A new colleague starts on Monday and needs a laptop, a headset and access to the shared drives.'],
       ['Offboarding: revoke access', 'An employee leaves on Friday; please revoke all accounts and collect the hardware.'],
       ['Access to the HR portal', 'Payroll documents in the HR portal cannot be opened by the new team lead.'],
       ['Question about the support contract', 'Does our contract include on-site support on Saturdays, and what does an extra hour cost?'],
       ['Feedback on the last visit', 'The technician was very helpful; please pass on our thanks.'],
       ['Wrong delivery received', 'The delivery note lists docking stations, but the boxes contain monitors.'],
       ['Printer toner order', 'Please order two black toner cartridges for the printer in the reception area.'],
       ['Network drive is slow', 'Opening files on the network drive takes minutes since yesterday afternoon.'],
       ['Phone system drops calls', 'Incoming calls are dropped after about thirty seconds on the hotline numbers.'],
       ['Mobile device enrolment fails', 'New smartphones cannot be enrolled in the device management, the app shows a certificate error.'],
       ['Backup job failed', 'The nightly backup of the file server failed with a timeout on the tape library.'],
       ['Website contact form not working', 'Customers report that the contact form on our website shows an error after sending.']
     ] AS topics) tp
  ) s2
) s3`;

/**
 * `pg_temp.seed_id(text)`: the same stable UUIDs as `seedId()` of create-requests.ts; and
 * `pg_temp.ms(timestamptz)`: millisecond precision, as the service writes times (JavaScript
 * dates), which its page cursors rely on.
 */
const HELPER_FUNCTIONS = [
  `
CREATE FUNCTION pg_temp.seed_id(key text) RETURNS uuid IMMUTABLE LANGUAGE sql AS $$
  SELECT overlay(overlay(md5(key) PLACING '4' FROM 13)
    PLACING substr('89ab89ab89ab89ab', ('x' || substr(md5(key), 17, 1))::bit(4)::int + 1, 1) FROM 17)::uuid
$$`,
  `CREATE FUNCTION pg_temp.ms(at timestamptz) RETURNS timestamptz STABLE LANGUAGE sql AS $$ SELECT date_trunc('milliseconds', at) $$`,
];

/** What seeding took and produced. */
export interface SeedResult {
  readonly rows: number;
  readonly insertSeconds: number;
  readonly vacuumSeconds: number;
  readonly tableSize: string;
  readonly indexSize: string;
}

/** Seeds `count` tickets into the (migrated, empty) database at `databaseUrl`. */
export async function seedTickets(databaseUrl: string, count: number): Promise<SeedResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const sql of HELPER_FUNCTIONS) await client.query(sql);
    await client.query('SELECT setseed(0.42)');
    const insertStart = Date.now();
    const inserted = await client.query(SEED_SQL, [count]);
    // The service numbers new tickets from the sequence; continue after the seeded numbers.
    await client.query(`SELECT setval('ticket_number_seq', $1::bigint)`, [99_999 + count]);
    const vacuumStart = Date.now();
    await client.query('VACUUM (ANALYZE) tickets');
    const sizes = await client.query<{ table: string; indexes: string }>(
      `SELECT pg_size_pretty(pg_table_size('tickets')) AS table, pg_size_pretty(pg_indexes_size('tickets')) AS indexes`,
    );
    return {
      rows: inserted.rowCount ?? 0,
      insertSeconds: (vacuumStart - insertStart) / 1_000,
      vacuumSeconds: (Date.now() - vacuumStart) / 1_000,
      tableSize: sizes.rows[0]?.table ?? '?',
      indexSize: sizes.rows[0]?.indexes ?? '?',
    };
  } finally {
    await client.end();
  }
}

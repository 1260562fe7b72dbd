import { seedId } from './create-requests';

/** The caller and request of one ListTickets walk. */
export interface ListCall {
  readonly request: Record<string, unknown>;
  /** `agent` for staff, or the customer whose token makes the call. */
  readonly caller: 'agent' | { readonly customerId: string; readonly contactId: string };
}

/** A realistic ListTickets selection over the seeded tickets, varied by `k` between walks. */
export interface ListSelection {
  readonly name: string;
  call(k: number): ListCall;
  /** How many seeded tickets the selection with k = 0 matches (for the printout only). */
  readonly countSql: { readonly text: string; readonly values: unknown[] };
}

const OPEN_STATUSES = ['TICKET_STATUS_NEW', 'TICKET_STATUS_OPEN', 'TICKET_STATUS_IN_PROGRESS', 'TICKET_STATUS_PENDING'];
// Each in one of the 24 topics of technical tickets: about 4 % of all tickets.
const COMMON_WORDS = ['vpn', 'outlook', 'password', 'backup', 'temperature'];
// Error codes of technical tickets: each is in about 1/900 of them (~550 of a million tickets).
const RARE_WORDS = ['437', '512', '733', '268', '901'];

const agent = (k: number) => seedId('agent', (k * 7) % 60);
// The ten largest customers (customer 0 has ~1.4 % of all tickets, customer 9 ~0.2 %).
const customer = (k: number) => seedId('customer', k % 10);

/** The selections the benchmark walks. */
export const LIST_SELECTIONS: readonly ListSelection[] = [
  {
    name: "agent's open tickets by urgency",
    call: (k) => ({ caller: 'agent', request: { assigneeId: agent(k), statuses: OPEN_STATUSES, sort: 'TICKET_SORT_URGENCY' } }),
    countSql: { text: `SELECT count(*) FROM tickets WHERE assignee_id = $1 AND status IN ('new', 'open', 'in_progress', 'pending')`, values: [agent(0)] },
  },
  {
    name: "large customer's tickets by update time",
    call: (k) => ({ caller: 'agent', request: { customerId: customer(k), sort: 'TICKET_SORT_UPDATED_DESC' } }),
    countSql: { text: 'SELECT count(*) FROM tickets WHERE customer_id = $1', values: [customer(0)] },
  },
  {
    name: 'new/open + high + technical by urgency',
    call: () => ({
      caller: 'agent',
      request: { statuses: ['TICKET_STATUS_NEW', 'TICKET_STATUS_OPEN'], priorities: ['TICKET_PRIORITY_HIGH'], categories: ['technical'], sort: 'TICKET_SORT_URGENCY' },
    }),
    countSql: { text: `SELECT count(*) FROM tickets WHERE status IN ('new', 'open') AND priority = 'high' AND category = 'technical'`, values: [] },
  },
  {
    name: 'full text, common word (~4 %), by update time',
    call: (k) => ({ caller: 'agent', request: { text: COMMON_WORDS[k % COMMON_WORDS.length], sort: 'TICKET_SORT_UPDATED_DESC' } }),
    countSql: { text: `SELECT count(*) FROM tickets WHERE search @@ websearch_to_tsquery('simple', $1)`, values: [COMMON_WORDS[0]] },
  },
  {
    name: 'full text, rare word, default order (urgency)',
    call: (k) => ({ caller: 'agent', request: { text: RARE_WORDS[k % RARE_WORDS.length] } }),
    countSql: { text: `SELECT count(*) FROM tickets WHERE search @@ websearch_to_tsquery('simple', $1)`, values: [RARE_WORDS[0]] },
  },
  {
    name: "customer token's own list, default order (urgency)",
    call: (k) => ({ caller: { customerId: customer(k), contactId: seedId('contact', `${k % 10}-0`) }, request: {} }),
    countSql: { text: 'SELECT count(*) FROM tickets WHERE customer_id = $1', values: [customer(0)] },
  },
];

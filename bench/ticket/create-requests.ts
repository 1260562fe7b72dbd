import { createHash } from 'node:crypto';

/**
 * Realistic `CreateTicketRequest`s: a summary and a few sentences of description, the channel,
 * category and priority mix of a hotline, a customer and contact from a pool of 5 000 customers,
 * zero to two tags. No queue or due date, so nothing but the ticket service itself is involved.
 */

const TOPICS = [
  ['VPN client reports error 809', 'Since this morning the VPN client on three laptops reports error 809 when connecting from home.'],
  ['Printer on floor 3 is offline', 'The network printer in room 3.14 shows offline for everyone; it was restarted once without success.'],
  ['Invoice amount does not match the order', 'Invoice for last month lists 12 licences, our order was for 10. Please correct and resend.'],
  ['Password reset for the ERP account', 'A colleague is locked out of the ERP after too many attempts and needs a new initial password.'],
  ['Outlook does not synchronise the mailbox', 'Outlook stays at "updating folders" and new mail only arrives in the web client.'],
  ['Onboarding: hardware for a new employee', 'A new colleague starts on Monday and needs a laptop, a headset and access to the shared drives.'],
  ['Server room temperature alarm', 'Monitoring reports 31 °C in the server room; the air conditioning unit may have failed.'],
  ['Question about the support contract', 'Does our contract include on-site support on Saturdays, and what does an extra hour cost?'],
] as const;
const CHANNELS = ['EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'PHONE', 'PHONE', 'PHONE', 'PORTAL', 'PORTAL', 'API', 'CHAT', 'MONITORING'] as const;
const CATEGORIES = ['technical', 'technical', 'technical', 'technical', 'technical', 'billing', 'billing', 'sales', 'hr', 'other'] as const;
const PRIORITIES = ['LOW', 'LOW', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'NORMAL', 'HIGH', 'HIGH', 'CRITICAL'] as const;
const TAGS = ['vpn', 'printer', 'email', 'hardware', 'software', 'network', 'account', 'invoice', 'onsite', 'vip'] as const;

/**
 * A stable version-4-shaped UUID for `<kind>-<n>` (md5 with the version and variant bits set),
 * so the seeding SQL (`pg_temp.seed_id`) and the load generator name the same customers,
 * contacts and agents.
 */
export function seedId(kind: string, n: number | string): string {
  const hex = createHash('md5').update(`${kind}-${n}`).digest('hex');
  const variant = '89ab'[Number.parseInt(hex[16]!, 16) & 3]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

/** One request as @grpc/proto-loader clients send it (camelCase, enums by name). */
export function createTicketRequest(): Record<string, unknown> {
  const [summary, description] = pick(TOPICS);
  const customer = Math.floor(5_000 * Math.random() ** 2);
  const tagCount = Math.floor(Math.random() * 3);
  return {
    summary,
    description: `${description}\n\nSent from the customer portal; contact prefers a call back before noon.`,
    channel: `TICKET_CHANNEL_${pick(CHANNELS)}`,
    category: pick(CATEGORIES),
    priority: `TICKET_PRIORITY_${pick(PRIORITIES)}`,
    customerId: seedId('customer', customer),
    contactId: seedId('contact', `${customer}-${Math.floor(Math.random() * 6)}`),
    tags: Array.from(new Set(Array.from({ length: tagCount }, () => pick(TAGS)))),
  };
}

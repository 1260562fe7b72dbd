import type { Actor } from '@helpdesk/contracts';
import { combineStatements, type SqlStatement } from '@helpdesk/persistence';
import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '../directory/calendar-date';
import type { HistoryEntry } from '../history/history-chain';
import { entryFromRow, type HistoryRow } from '../history/history.repository';
import { isUuid } from '../shared/uuid';
import type { Ticket } from '../tickets/ticket';
import { insertHistory, insertTickets, ticketRecord } from '../tickets/ticket-json-rows';
import { TICKET_COLUMNS, WRITE_COLUMNS, ticketFromRow, type TicketRow } from '../tickets/ticket-row';
import { insertRows } from '../shared/json-rows';
import { TicketError } from '../tickets/ticket.errors';
import type { HeldTicket } from './mail-append';
import type { SenderContact } from './mail-intake';
import type { MailOpening, OpeningMessage } from './mail-opening';

// The consumers act for the platform on every ticket, so these reads take no customer scope:
// nothing they return reaches a caller. Every method costs one statement (holdTickets two) for the
// whole batch.

/**
 * The mail consumer's set-based reads and writes: one statement per question or table for a
 * whole batch of mails, with the rows as one JSON parameter (one stringify; no parameter limit,
 * no per-value driver work), so the cost per batch stays the same however many mails it holds.
 */
export class MailBatchRepository {
  /** The mail ids among `mailIds` that a message records already. */
  async recordedMails(manager: EntityManager, mailIds: readonly string[]): Promise<Set<string>> {
    if (mailIds.length === 0) return new Set();
    const rows = (await manager.query(`SELECT mail_id FROM ticket_messages WHERE mail_id = ANY($1::uuid[])`, [mailIds])) as { mail_id: string }[];
    return new Set(rows.map((row) => row.mail_id));
  }

  /**
   * The tickets with these ids, locked for the rest of the transaction (in id order, so two
   * batches never wait for each other crosswise), each with the newest entry of its history; ids
   * that are no UUID, or have no ticket, are missing.
   */
  async holdTickets(manager: EntityManager, ids: readonly string[]): Promise<Map<string, HeldTicket>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows = (await manager.query(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [valid])) as TicketRow[];
    if (rows.length === 0) return new Map();
    const ends = (await manager.query(
      `SELECT DISTINCT ON (ticket_id) ${HISTORY_COLUMNS.join(', ')} FROM ticket_history WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, seq DESC`,
      [rows.map((row) => row.id)],
    )) as HistoryRow[];
    const lastOf = new Map(ends.map((row) => [row.ticket_id, entryFromRow(row)]));
    return new Map(rows.map((row) => [row.id, { ticket: ticketFromRow(row), last: lastOf.get(row.id) }]));
  }

  /**
   * The active directory contact of each sender address, as `ContactsRepository.findByEmail`
   * picks it (active first, then the latest change) and the mail consumer accepts it (active only).
   */
  async senders(manager: EntityManager, addresses: readonly string[]): Promise<Map<string, SenderContact>> {
    const unique = [...new Set(addresses)];
    if (unique.length === 0) return new Map();
    // `@> ANY` of constant probes is a bitmap scan of the GIN index on emails (a probe built per
    // row of a lateral join is not: that scans every contact); the join then names the address.
    const rows = (await manager.query(
      `SELECT DISTINCT ON (e.address) e.address, c.id, c.customer_id, c.display_name, c.active
         FROM contacts c, jsonb_to_recordset(c.emails) AS e(address text)
        WHERE c.emails @> ANY ($2::jsonb[]) AND e.address = ANY ($1::text[])
        ORDER BY e.address, c.active DESC, c.updated_at DESC, c.id DESC`,
      [unique, unique.map((address) => JSON.stringify([{ address }]))],
    )) as { address: string; id: string; customer_id: string | null; display_name: string; active: boolean }[];
    return new Map(rows.filter((row) => row.active).map((row) => [row.address, { id: row.id, customerId: row.customer_id, displayName: row.display_name }]));
  }

  /**
   * The contract each customer's new ticket falls under on `day`, as `ContractsRepository.governing`
   * picks it: active, valid that day, covering all devices; one naming an SLA policy first, then
   * the earliest start, then the id.
   */
  async governingContracts(manager: EntityManager, customerIds: readonly string[], day: CalendarDate): Promise<Map<string, string>> {
    const unique = [...new Set(customerIds)];
    if (unique.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT DISTINCT ON (customer_id) customer_id, id FROM contracts
        WHERE customer_id = ANY($1::uuid[]) AND active AND valid_from <= $2::date AND (valid_until IS NULL OR valid_until >= $2::date)
          AND NOT entitlements @> '[{"kind":"serial_number"}]'
        ORDER BY customer_id, (sla_policy_id IS NULL), valid_from, id`,
      [unique, day],
    )) as { customer_id: string; id: string }[];
    return new Map(rows.map((row) => [row.customer_id, row.id]));
  }

  /**
   * Writes a batch's decisions as ONE statement: the new tickets, the next versions of the held
   * ones (each only from the version the batch read under its lock), all messages, file references
   * and history entries. Its parts see each other's rows only through the foreign keys, which
   * PostgreSQL checks at the end of the statement. Message rows go in posting order, so their log
   * positions (`seq`) follow it.
   */
  async write(manager: EntityManager, writes: MailBatchWrites, actor: Actor): Promise<void> {
    const statements = writeStatements(writes, actor);
    if (statements.length === 0) return;
    const updates = writes.updates.length;
    // The UPDATE comes first (s1) when there is one: the count of rows it changed must match.
    const { text, values } = combineStatements(statements, updates > 0 ? 'SELECT count(*)::int AS updated FROM s1' : 'SELECT 0 AS updated');
    const [row] = (await manager.query(text, [...values])) as { updated: number }[];
    // Under the row locks this cannot happen; should a caller forget them, fail instead of losing a change.
    if ((row?.updated ?? 0) !== updates) throw new TicketError('VERSION_CONFLICT', `${updates - (row?.updated ?? 0)} of ${updates} tickets changed meanwhile`);
  }
}

/** What a batch writes besides its events. */
export interface MailBatchWrites {
  readonly openings: readonly MailOpening[];
  /** Held tickets at their new state, with the version the batch read. */
  readonly updates: readonly { readonly ticket: Ticket; readonly previousVersion: number }[];
  /** Messages on held tickets, in posting order. */
  readonly messages: readonly OpeningMessage[];
  /** History entries of held tickets. */
  readonly history: readonly HistoryEntry[];
}

/** The statements of {@link MailBatchRepository.write}, one per table, the UPDATE first (none when nothing is written). */
export function writeStatements(writes: MailBatchWrites, actor: Actor): SqlStatement[] {
  const { openings } = writes;
  const messages = [...writes.messages, ...openings.flatMap((opening) => opening.messages)];
  const history = [...writes.history, ...openings.flatMap((opening) => opening.history)];
  const statements: SqlStatement[] = [];
  if (writes.updates.length > 0) statements.push(updateTickets(writes.updates, actor));
  if (openings.length > 0) statements.push(insertTickets(openings.map(({ ticket }) => ({ ticket, actor }))));
  if (messages.length > 0) statements.push(insertMessages(messages));
  if (history.length > 0) statements.push(insertHistory(history));
  statements.push(...fileStatements(messages));
  return statements;
}

function insertMessages(messages: readonly OpeningMessage[]): SqlStatement {
  return insertRows('ticket_messages', MESSAGE_COLUMNS, messages.map(({ message }) => ({
    id: message.id,
    ticket_id: message.ticketId,
    audience: message.audience,
    medium: message.medium,
    direction: message.direction,
    purpose: message.purpose,
    author: message.author,
    from_address: message.from,
    to_addresses: message.to,
    cc_addresses: message.cc,
    subject: message.subject,
    body_text: message.text,
    body_html: message.html,
    mail_id: message.mailId,
    call_id: message.callId,
    in_reply_to_message_id: message.inReplyToMessageId,
    created_at: message.createdAt,
  })));
}

/** The file references of the messages: each content once (ON CONFLICT keeps a known one's row), then each message's list. */
function fileStatements(messages: readonly OpeningMessage[]): SqlStatement[] {
  const files = messages.flatMap(({ message, references }) => references.map((file, position) => ({ message, file, position })));
  if (files.length === 0) return [];
  // A file known already (stored or referenced) keeps its row, as MessagesRepository does: the
  // first origin is as good as any; repeats within the batch are left out before the INSERT.
  const firsts = new Map<string, (typeof files)[number]>();
  for (const entry of files) if (!firsts.has(entry.file.ref.sha256)) firsts.set(entry.file.ref.sha256, entry);
  const contents = [...firsts.values()].map(({ message, file }) => ({
    sha256: file.ref.sha256,
    size_bytes: file.ref.sizeBytes,
    created_at: message.createdAt,
    origin_mail_id: file.origin.mailId,
    origin_part_id: file.origin.partId,
  }));
  const insertContents = insertRows('ticket_attachments', ATTACHMENT_COLUMNS, contents);
  return [
    { ...insertContents, text: `${insertContents.text} ON CONFLICT (sha256) DO NOTHING` },
    insertRows('ticket_message_attachments', MESSAGE_ATTACHMENT_COLUMNS, files.map(({ message, file, position }) => ({
      message_id: message.id,
      position,
      sha256: file.ref.sha256,
      file_name: file.ref.fileName,
      content_type: file.ref.contentType,
      inline: file.ref.inline,
      content_id: file.ref.contentId,
    }))),
  ];
}

/** The next versions of held tickets, each only where the row is still at the version the batch read. */
function updateTickets(updates: MailBatchWrites['updates'], actor: Actor): SqlStatement {
  const columns = WRITE_COLUMNS.filter((column) => column !== 'id');
  const rows = updates.map(({ ticket, previousVersion }) => ({ row: ticketRecord(ticket, actor), previous: previousVersion }));
  return {
    text: `UPDATE tickets t SET (${columns.join(', ')}) = (${columns.map((c) => `r.${c}`).join(', ')})
       FROM jsonb_array_elements($1::jsonb) e, LATERAL jsonb_populate_record(NULL::tickets, e->'row') r
      WHERE t.id = r.id AND t.version = (e->>'previous')::int
      RETURNING t.id`,
    values: [JSON.stringify(rows)],
  };
}

const MESSAGE_COLUMNS = [
  'id', 'ticket_id', 'audience', 'medium', 'direction', 'purpose', 'author', 'from_address', 'to_addresses', 'cc_addresses',
  'subject', 'body_text', 'body_html', 'mail_id', 'call_id', 'in_reply_to_message_id', 'created_at',
] as const;
const HISTORY_COLUMNS = ['ticket_id', 'seq', 'at', 'actor', 'kind', 'before', 'after', 'prev_hash', 'hash'] as const;

const ATTACHMENT_COLUMNS = ['sha256', 'size_bytes', 'created_at', 'origin_mail_id', 'origin_part_id'] as const;
const MESSAGE_ATTACHMENT_COLUMNS = ['message_id', 'position', 'sha256', 'file_name', 'content_type', 'inline', 'content_id'] as const;


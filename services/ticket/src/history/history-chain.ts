import { createHash } from 'node:crypto';
import type { Actor } from '@helpdesk/contracts';
import { canonicalJson, type JsonObject } from './canonical-json';

/** What a history entry records; one entry per change, whatever its size. */
export const HISTORY_KINDS = [
  'created',
  'field_changed',
  'status_changed',
  'assigned',
  'message_added',
  'work_recorded',
  'work_voided',
  'task_added',
  'task_completed',
  'linked',
  'merged',
  'sla_phase',
] as const;

/** The kind of a history entry. */
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** A change as a decision describes it, before it is placed in the chain. */
export interface HistoryChange {
  readonly kind: HistoryKind;
  /** The touched values before the change (`{}` for a creation). */
  readonly before: JsonObject;
  /** The touched values after the change, plus context such as a `reason`. */
  readonly after: JsonObject;
}

/** A history entry without its own hash: everything the hash covers. */
export interface HistoryEntryContent extends HistoryChange {
  readonly ticketId: string;
  /** Position in the ticket's chain, 1 for the first entry, no gaps. */
  readonly seq: number;
  /** When the change happened, ISO 8601 UTC as `Date.toISOString()` writes it. */
  readonly at: string;
  readonly actor: Actor;
  /** Hash of the previous entry; {@link GENESIS_HASH} for the first. */
  readonly prevHash: string;
}

/** One append-only, hash-chained entry of a ticket's history. */
export interface HistoryEntry extends HistoryEntryContent {
  /** sha256 (lower-case hex) of the canonical JSON of the content, see {@link hashEntry}. */
  readonly hash: string;
}

/** The `prevHash` of a ticket's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who and when, for the entries of one change. */
export interface AppendContext {
  readonly ticketId: string;
  readonly now: Date;
  readonly actor: Actor;
}

/** Result of {@link verifyChain}: the first entry where the chain breaks, if any. */
export type ChainVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: ChainBreak };

/**
 * Why a chain is broken at an entry. hash_mismatch: its content no longer matches its hash (it
 * was edited); prev_hash_mismatch: it does not follow the entry before it (an entry before it
 * was replaced, or removed and the rest renumbered); sequence_gap: its seq is not the next
 * number (an entry was removed or the entries were reordered).
 */
export type ChainBreak = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';

/**
 * sha256 hex over the canonical JSON of the entry's content. Only the named fields count, so a
 * stored row's extra columns (its own `hash`, a database id) do not change the result.
 */
export function hashEntry(entry: HistoryEntryContent): string {
  const content: JsonObject = {
    ticketId: entry.ticketId,
    seq: entry.seq,
    at: entry.at,
    actor: { kind: entry.actor.kind, id: entry.actor.id, displayName: entry.actor.displayName },
    kind: entry.kind,
    before: entry.before,
    after: entry.after,
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/**
 * Turns changes into entries that continue the chain after `last` (undefined for a new ticket).
 * The caller stores them in the same transaction as the ticket; a unique (ticket_id, seq)
 * constraint turns a concurrent append into a conflict instead of a fork.
 */
export function appendEntries(
  last: HistoryEntry | undefined,
  changes: readonly HistoryChange[],
  ctx: AppendContext,
): HistoryEntry[] {
  if (last && last.ticketId !== ctx.ticketId) {
    throw new Error(`history: the last entry belongs to ticket ${last.ticketId}, not ${ctx.ticketId}`);
  }
  const at = ctx.now.toISOString();
  const entries: HistoryEntry[] = [];
  let previous = last;
  for (const change of changes) {
    const content: HistoryEntryContent = {
      ticketId: ctx.ticketId,
      seq: (previous?.seq ?? 0) + 1,
      at,
      actor: ctx.actor,
      kind: change.kind,
      before: change.before,
      after: change.after,
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    previous = { ...content, hash: hashEntry(content) };
    entries.push(previous);
  }
  return entries;
}

/**
 * Recomputes a ticket's chain, entries in stored order (by seq), and names the first entry
 * where it breaks. An empty history is intact.
 */
export function verifyChain(entries: readonly HistoryEntry[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const reason = breakOf(entry, index + 1, prevHash);
    if (reason) return { ok: false, brokenAt: entry.seq, reason };
    prevHash = entry.hash;
  }
  return { ok: true, count: entries.length };
}

function breakOf(entry: HistoryEntry, expectedSeq: number, prevHash: string): ChainBreak | undefined {
  if (entry.seq !== expectedSeq) return 'sequence_gap';
  if (entry.prevHash !== prevHash) return 'prev_hash_mismatch';
  if (entry.hash !== hashEntry(entry)) return 'hash_mismatch';
  return undefined;
}

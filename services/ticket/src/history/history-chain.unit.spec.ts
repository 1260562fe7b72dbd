import type { Actor } from '@helpdesk/contracts';
import {
  GENESIS_HASH,
  appendEntries,
  hashEntry,
  verifyChain,
  type HistoryChange,
  type HistoryEntry,
} from './history-chain';

const TICKET = '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e';
const agent: Actor = { kind: 'agent', id: '01936b2e-8f3a-7c4d-9e1f-2a3b4c5d6e7f', displayName: 'Anna Schmidt' };
const T0 = new Date('2026-11-23T10:00:00.000Z');

const changes: HistoryChange[] = [
  { kind: 'created', before: {}, after: { status: 'new', summary: 'VPN fails' } },
  { kind: 'field_changed', before: { priority: 'normal' }, after: { priority: 'high' } },
  { kind: 'status_changed', before: { status: 'new' }, after: { status: 'open', reason: 'picked up' } },
  { kind: 'assigned', before: { assigneeId: null, queueId: null }, after: { assigneeId: agent.id, queueId: null, mode: 'manual' } },
];

function nth(entries: readonly HistoryEntry[], index: number): HistoryEntry {
  const entry = entries[index];
  if (!entry) throw new Error(`no entry at ${index}`);
  return entry;
}

function chain(): HistoryEntry[] {
  const first = appendEntries(undefined, changes.slice(0, 1), { ticketId: TICKET, now: T0, actor: agent });
  const rest = appendEntries(first[0], changes.slice(1), { ticketId: TICKET, now: new Date(T0.getTime() + 60_000), actor: agent });
  return [...first, ...rest];
}

describe('history chain', () => {
  it('numbers entries from 1 and links each to the previous hash, starting at the genesis hash', () => {
    const entries = chain();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    entries.slice(1).forEach((entry, index) => expect(entry.prevHash).toBe(entries[index]?.hash));
    for (const entry of entries) expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entries[1]).toMatchObject({ ticketId: TICKET, at: '2026-11-23T10:01:00.000Z', actor: agent, kind: 'field_changed' });
  });

  it('verifies an intact chain and an empty one', () => {
    expect(verifyChain(chain())).toEqual({ ok: true, count: 4 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('hashes content only: key order and extra row columns do not matter', () => {
    const entry = nth(chain(), 0);
    const row = {
      dbId: 42,
      hash: entry.hash,
      prevHash: entry.prevHash,
      after: { summary: 'VPN fails', status: 'new' },
      before: {},
      kind: entry.kind,
      actor: { displayName: agent.displayName, id: agent.id, kind: agent.kind },
      at: entry.at,
      seq: entry.seq,
      ticketId: TICKET,
    };
    expect(hashEntry(row)).toBe(entry.hash);
  });

  it('detects a changed field as hash_mismatch at that entry', () => {
    const entries = chain();
    entries[2] = { ...nth(entries, 2), after: { status: 'open', reason: 'edited afterwards' } };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it.each<[string, (entry: HistoryEntry) => HistoryEntry]>([
    ['time', (e) => ({ ...e, at: '2026-11-23T09:00:00.000Z' })],
    ['actor', (e) => ({ ...e, actor: { ...e.actor, displayName: 'Someone Else' } })],
    ['kind', (e) => ({ ...e, kind: 'linked' })],
    ['before', (e) => ({ ...e, before: { priority: 'low' } })],
    ['ticket', (e) => ({ ...e, ticketId: '01936b2e-9a10-7b2c-8d3e-000000000000' })],
  ])('detects a changed %s', (_name, tamper) => {
    const entries = chain();
    entries[1] = tamper(nth(entries, 1));
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
  });

  it('detects an edited entry whose hash was recomputed at the next entry', () => {
    const entries = chain();
    const edited = { ...nth(entries, 1), after: { priority: 'critical' } };
    entries[1] = { ...edited, hash: hashEntry(edited) };
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects a deleted entry as a sequence gap', () => {
    const entries = chain();
    entries.splice(1, 1);
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, reason: 'sequence_gap' });
  });

  it('detects a deleted entry with the rest renumbered as a broken link', () => {
    const entries = chain();
    entries.splice(1, 1);
    const renumbered = entries.map((entry, index) => ({ ...entry, seq: index + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAt: 2, reason: 'prev_hash_mismatch' });
  });

  it('detects reordered entries', () => {
    const entries = chain();
    [entries[1], entries[2]] = [nth(entries, 2), nth(entries, 1)];
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 3, reason: 'sequence_gap' });
  });

  it('detects a replaced first entry', () => {
    const entries = chain();
    const forged = appendEntries(undefined, [{ kind: 'created', before: {}, after: { status: 'new', summary: 'other' } }], {
      ticketId: TICKET,
      now: T0,
      actor: agent,
    });
    entries[0] = nth(forged, 0);
    expect(verifyChain(entries)).toEqual({ ok: false, brokenAt: 2, reason: 'prev_hash_mismatch' });
  });

  it('appends nothing for no changes and refuses to continue another ticket', () => {
    const entries = chain();
    expect(appendEntries(entries[3], [], { ticketId: TICKET, now: T0, actor: agent })).toEqual([]);
    expect(() => appendEntries(entries[3], changes, { ticketId: '01936b2e-9a10-7b2c-8d3e-000000000000', now: T0, actor: agent })).toThrow(
      'belongs to ticket',
    );
  });
});

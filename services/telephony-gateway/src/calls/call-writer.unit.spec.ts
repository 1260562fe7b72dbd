import type { CloudEvent } from '@helpdesk/contracts';
import type { OutboxPublisher } from '@helpdesk/messaging';
import type { DataSource } from 'typeorm';
import { startCall, type Call } from './call';
import { CallWriter } from './call-writer';
import type { StoredCall } from './calls.repository';

const call = (pbxCallId: string): Call =>
  startCall(
    { pbxConnectionId: 'c', pbxCallId, direction: 'inbound', from: { raw: '1', e164: null }, to: { raw: '2', e164: null }, extension: null, agentId: null, pbxQueue: null, at: new Date(0) },
    { contactId: null, customerId: null },
    `id-${pbxCallId}`,
  ).call;

/** A store that records each batch and answers as the database would (or fails a batch holding `poison`). */
function store(poison?: string) {
  const batches: string[][] = [];
  const writeMany = async (_m: unknown, _o: unknown, inserts: readonly Call[], updates: readonly StoredCall[], _e: readonly CloudEvent[]) => {
    const ids = [...inserts.map((c) => c.id), ...updates.map((u) => u.call.id)];
    batches.push(ids);
    if (poison && ids.includes(poison)) throw new Error(`bad row ${poison}`);
    return new Map<string, number>([...inserts.map((c) => [c.id, 0] as const), ...updates.map((u) => [u.call.id, u.revision + 1] as const)]);
  };
  return { batches, writeMany: writeMany as never };
}

const writer = (s: ReturnType<typeof store>) => new CallWriter({} as DataSource, {} as OutboxPublisher, { maxInFlight: 4, maxBatch: 256 }, s);

describe('CallWriter', () => {
  it('writes the calls of one turn of the event loop as one batch', async () => {
    const s = store();
    const w = writer(s);
    const results = await Promise.all(['a', 'b', 'c'].map((id) => w.insert(call(id), [])));
    expect(results).toEqual([true, true, true]);
    expect(s.batches).toEqual([['id-a', 'id-b', 'id-c']]);
  });

  it('keeps two writes of one call in separate batches, in order', async () => {
    const s = store();
    const w = writer(s);
    const a = call('a');
    const [first, second] = await Promise.all([w.update({ call: a, revision: 0 }, []), w.update({ call: a, revision: 0 }, []), w.insert(call('b'), [])]);
    expect([first, second]).toEqual([1, 1]);
    expect(s.batches).toEqual([['id-b', 'id-a'], ['id-a']]);
  });

  it('retries a failed batch write by write, so only the bad write fails', async () => {
    const s = store('id-bad');
    const w = writer(s);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((id) => w.insert(call(id), [])));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(s.batches).toEqual([['id-a', 'id-bad', 'id-c'], ['id-a'], ['id-bad'], ['id-c']]);
  });
});

import { answerCall, endCall, startCall, type Call } from '../calls/call';
import type { MonitorEntry, MonitorUpdate } from './monitor-entry';
import { MonitorHub } from './monitor-hub';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, seconds));
const ringing = (id: string, from = '+4930123456', agentId: string | null = null): Call =>
  startCall(
    { pbxConnectionId: 'c', pbxCallId: id, direction: 'inbound', from: { raw: from, e164: from }, to: { raw: '1', e164: null }, extension: null, agentId, pbxQueue: null, at: at(0) },
    { contactId: null, customerId: null },
    id,
  ).call;
const end = (call: Call, cause: 'normalClearing' | 'cancel') => endCall(call, { cause, pbxCause: null, at: at(30), forwardedTo: null, complete: true }).call;

describe('MonitorHub', () => {
  const enricher = { enrich: async (call: Call, awaitingCallback: boolean): Promise<MonitorEntry> => ({ call, caller: null, openTickets: [], awaitingCallback }) };
  const hub = () => new MonitorHub(enricher, (error) => {
    throw error;
  });
  const collect = (h: MonitorHub, agentId: string | null = null) => {
    const updates: MonitorUpdate[] = [];
    h.subscribe(agentId, (update) => updates.push(update));
    return updates;
  };

  it('keeps the newest state when a change arrives twice or out of order', async () => {
    const h = hub();
    const call = ringing('a');
    const talking = answerCall(call, { extension: '214', agentId: null, at: at(5) }).call;
    await h.apply(talking);
    await h.apply(call);
    await h.apply(talking);
    expect(h.current().map((e) => e.call.state)).toEqual(['talking']);
  });

  it('removes an answered call when it ends, keeps a missed one until its number is reached', async () => {
    const h = hub();
    const updates = collect(h);
    const missed = end(ringing('m'), 'cancel');
    await h.apply(missed);
    expect(h.current()).toEqual([expect.objectContaining({ awaitingCallback: true })]);
    const callback = ringing('b');
    await h.apply(end(answerCall(callback, { extension: '214', agentId: null, at: at(3) }).call, 'normalClearing'));
    expect(h.current()).toEqual([]);
    expect(updates.map((u) => u.kind)).toEqual(['snapshot-complete', 'call', 'removed']);
  });

  it('shows a new call at once and takes it back when it was not stored after all', async () => {
    const h = hub();
    const updates = collect(h);
    const call = ringing('early');
    h.changed(call);
    expect(h.shows('c', 'early')).toBe(true);
    h.retract(call);
    // Both steps run on the call's queue, in order, within the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(updates.map((u) => u.kind)).toEqual(['snapshot-complete', 'call', 'removed']);
    expect(h.shows('c', 'early')).toBe(false);
    expect(h.current()).toEqual([]);
  });

  it('tells which events it holds already, so a copy of its own start or answer need not be read again', async () => {
    const h = hub();
    const call = ringing('held');
    await h.apply(call);
    expect(h.holdsAtLeast(call.id, 'ringing')).toBe(true);
    expect(h.holdsAtLeast(call.id, 'talking')).toBe(false);
    await h.apply(answerCall(call, { extension: '214', agentId: null, at: at(5) }).call);
    expect(h.holdsAtLeast(call.id, 'ringing')).toBe(true);
    expect(h.holdsAtLeast(call.id, 'talking')).toBe(true);
    expect(h.holdsAtLeast('other', 'ringing')).toBe(false);
  });

  it('tells an agent\'s subscriber when a call it saw goes to a colleague', async () => {
    const h = hub();
    const updates = collect(h, 'anna');
    const call = ringing('r');
    await h.apply(call);
    await h.apply(answerCall(call, { extension: '215', agentId: 'jonas', at: at(5) }).call);
    expect(updates.map((u) => u.kind)).toEqual(['snapshot-complete', 'call', 'removed']);
  });
});

import type { JsMsg } from '@nats-io/jetstream';
import { ackSoon, flushAcks } from './coalesced-acks';

function fakeMsg(log: string[], name: string, fails = false): JsMsg {
  return {
    ack: () => {
      if (fails) throw new Error('connection closed');
      log.push(name);
    },
  } as unknown as JsMsg;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('coalesced acks', () => {
  it('sends the acks of a turn together after the turn, in order, each once', async () => {
    const log: string[] = [];
    ackSoon(fakeMsg(log, 'a'));
    await Promise.resolve();
    ackSoon(fakeMsg(log, 'b'));
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual(['a', 'b']);
    ackSoon(fakeMsg(log, 'c'));
    await nextTurn();
    await nextTurn();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('flushes at once when asked, and a failing ack does not hold back the others', async () => {
    const log: string[] = [];
    ackSoon(fakeMsg(log, 'a'));
    ackSoon(fakeMsg(log, 'broken', true));
    ackSoon(fakeMsg(log, 'b'));
    flushAcks();
    expect(log).toEqual(['a', 'b']);
    await nextTurn();
    expect(log).toEqual(['a', 'b']);
  });
});

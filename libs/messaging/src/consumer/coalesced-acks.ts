import type { JsMsg } from '@nats-io/jetstream';

/**
 * Acks of one event-loop turn, sent together. nats-core writes its outbound buffer in a
 * microtask after the first command, so acks that settle in different microtasks of a turn (one
 * per handled message, after each one's own database round trip) each became a socket write of
 * ~50 bytes and a wake-up of nats-server — the most frequent write of a busy consumer. Acking
 * them from one `setImmediate` for the whole process (all runners share the connection) puts them
 * in one write. An ack only releases the message; sending it a turn later changes nothing the
 * inbox does not already cover (a crash before it means a redelivery the inbox recognises).
 */
const pending: JsMsg[] = [];
let scheduled: NodeJS.Immediate | undefined;

/** Acks `msg` at the end of this event-loop turn, with the others of the turn. */
export function ackSoon(msg: JsMsg): void {
  pending.push(msg);
  scheduled ??= setImmediate(flushAcks);
}

/** Sends the waiting acks now (at stop, before the connection may close). */
export function flushAcks(): void {
  if (scheduled) clearImmediate(scheduled);
  scheduled = undefined;
  for (const msg of pending.splice(0)) {
    try {
      msg.ack();
    } catch {
      // A closed connection: the message comes again after the ack wait and the inbox knows it.
    }
  }
}

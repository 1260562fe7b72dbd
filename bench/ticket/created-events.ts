import { ticketCreatedV1, type SubjectNaming } from '@helpdesk/contracts';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { nowMs } from '../support/latency';

/**
 * Records when `helpdesk.ticket.created.v1` of each ticket arrives, through a core NATS
 * subscription on the prefixed subject: the moment the relay's publish reaches subscribers
 * (a JetStream consumer sees the same message after its own delivery step). The ticket id is the
 * CloudEvent's `subject`.
 */
export class CreatedEventWatcher {
  /** Ticket id → arrival on the {@link nowMs} clock. */
  readonly receivedAt = new Map<string, number>();
  private readonly subscription: Subscription;

  constructor(nc: NatsConnection, naming: SubjectNaming) {
    this.subscription = nc.subscribe(naming.subject(ticketCreatedV1.type), {
      callback: (error, message) => {
        if (error) return;
        const at = nowMs();
        const subject = (message.json() as { subject?: unknown }).subject;
        if (typeof subject === 'string') this.receivedAt.set(subject, at);
      },
    });
  }

  /** Resolves when every ticket in `ids` has its event, or after `timeoutMs`; returns how many are missing. */
  async awaitAll(ids: Iterable<string>, timeoutMs: number): Promise<number> {
    const deadline = nowMs() + timeoutMs;
    const pending = new Set(ids);
    for (;;) {
      for (const id of pending) if (this.receivedAt.has(id)) pending.delete(id);
      if (pending.size === 0 || nowMs() > deadline) return pending.size;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Delay from the CreateTicket response to the event per ticket; an event that arrived before
   * the response counts as 0 (the relay may publish before the client has read its answer).
   */
  delays(returnedAt: ReadonlyMap<string, number>): { readonly delays: number[]; readonly beforeResponse: number } {
    const delays: number[] = [];
    let beforeResponse = 0;
    for (const [id, returned] of returnedAt) {
      const received = this.receivedAt.get(id);
      if (received === undefined) continue;
      if (received < returned) beforeResponse += 1;
      delays.push(Math.max(0, received - returned));
    }
    return { delays, beforeResponse };
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}

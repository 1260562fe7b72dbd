import { mailFailedV1, mailReceivedV1, mailSentV1, type MailFailedV1, type MailReceivedV1, type MailSentV1 } from '@helpdesk/contracts';
import { expectEventually, readEvents, type TestNats } from '@helpdesk/testing';

/** The first `count` events of `type` on the mail stream, data only. */
async function mailEvents<T>(nats: TestNats, type: string, count: number): Promise<T[]> {
  const events = await readEvents(nats.nc, { stream: nats.naming.streamName('HELPDESK_MAIL'), subject: nats.naming.subject(type), count, timeoutMs: 30_000 });
  return events.map((e) => e.event.data as T);
}

export const receivedMails = (nats: TestNats, count: number) => mailEvents<MailReceivedV1>(nats, mailReceivedV1.type, count);
export const sentMails = (nats: TestNats, count: number) => mailEvents<MailSentV1>(nats, mailSentV1.type, count);
export const failedMails = (nats: TestNats, count: number) => mailEvents<MailFailedV1>(nats, mailFailedV1.type, count);

/** Every event of `type` published on the test prefix from now on, collected as it arrives (a core NATS subscription). */
export interface EventCollector<T> {
  readonly all: T[];
  /** Waits for the first event matching `predicate`. */
  find(predicate: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(): void;
}

export function collectEvents<T>(nats: TestNats, type: string): EventCollector<T> {
  const all: T[] = [];
  const subscription = nats.nc.subscribe(nats.naming.subject(type), {
    callback: (error, msg) => {
      if (!error) all.push((msg.json() as { data: T }).data);
    },
  });
  return {
    all,
    find: async (predicate, timeoutMs = 60_000) => {
      let found: T | undefined;
      await expectEventually(() => {
        found = all.find(predicate);
        expect(found).toBeDefined();
      }, { timeoutMs });
      return found as T;
    },
    stop: () => subscription.unsubscribe(),
  };
}

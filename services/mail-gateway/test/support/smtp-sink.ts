import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the sink accepted. */
export interface SunkMail {
  readonly envelopeTo: string[];
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
}

/**
 * A real SMTP server standing in for the relay that outbound mail goes to. `reject` answers the
 * DATA of mails to an address with a chosen reply (e.g. 450 to test retries, 550 to test failure).
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private readonly replies = new Map<string, { code: number; text: string; times: number }>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const rule = envelopeTo.map((to) => this.replies.get(to)).find((r) => r && r.times > 0);
        if (rule) {
          rule.times -= 1;
          callback(Object.assign(new Error(rule.text), { responseCode: rule.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          this.mails.push({ envelopeTo, raw, parsed });
          callback(null, '2.0.0 Ok: queued');
        });
      });
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Answers the next `times` mails to `address` with `code text`. */
  replyTo(address: string, code: number, text: string, times = Number.POSITIVE_INFINITY): void {
    this.replies.set(address.toLowerCase(), { code, text, times });
  }

  to(address: string): SunkMail[] {
    return this.mails.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

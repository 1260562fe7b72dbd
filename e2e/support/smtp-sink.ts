import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail the sink accepted, with its envelope recipients. */
export interface SunkMail {
  readonly envelopeTo: readonly string[];
  readonly parsed: ParsedMail;
}

/** A real SMTP server as the mail gateway's outbound relay: it accepts and keeps every mail. */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
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
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            this.mails.push({ envelopeTo, parsed });
            callback(null, '2.0.0 Ok: queued');
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return (this.server.server.address() as AddressInfo).port;
  }

  to(address: string): SunkMail[] {
    return this.mails.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

import { connect, type Socket } from 'node:net';

/** An SMTP reply: code and text (the lines of a multi-line reply joined by newlines). */
export interface SmtpReply {
  readonly code: number;
  readonly text: string;
}

/**
 * A lean SMTP client as an MTA's delivery agent is one: one persistent connection, EHLO once,
 * then one transaction per mail (MAIL FROM, RCPT TO, DATA), with the envelope commands sent in
 * one write when the server announces PIPELINING (RFC 2920). It replaces nodemailer in the
 * benchmark, whose per-mail composing and stream machinery cost the load generator about a
 * core's tenth at 250 mails/s on the same 2-core box as the gateway; real senders are MTAs on
 * other machines. The message is sent as given (CRLF lines, dot-stuffed here).
 */
export class SmtpClient {
  private buffered = '';
  private lines: string[] = [];
  private readonly waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;
  private pipelining = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.read(chunk));
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('SMTP connection closed')));
  }

  /** Connects, reads the greeting and says EHLO; notes whether the server pipelines. */
  static async connect(host: string, port: number, heloName = 'bench.localhost'): Promise<SmtpClient> {
    const socket = connect({ host, port });
    const client = new SmtpClient(socket);
    const greeting = await client.reply();
    if (greeting.code !== 220) throw new Error(`SMTP greeting ${greeting.code} ${greeting.text}`);
    socket.write(`EHLO ${heloName}\r\n`);
    const ehlo = expect(await client.reply(), 250, 'EHLO');
    client.pipelining = ehlo.text.split('\n').some((line) => line.trim().toUpperCase() === 'PIPELINING');
    return client;
  }

  /** Delivers one message; resolves with the reply to its end of data (2xx), rejects with any other reply. */
  async send(from: string, to: readonly string[], message: string): Promise<SmtpReply> {
    const commands = [`MAIL FROM:<${from}>`, ...to.map((address) => `RCPT TO:<${address}>`), 'DATA'];
    const expected = [250, ...to.map(() => 250), 354];
    const replies: SmtpReply[] = [];
    if (this.pipelining) {
      this.socket.write(commands.map((c) => `${c}\r\n`).join(''));
      for (let i = 0; i < commands.length; i++) replies.push(await this.reply());
    } else {
      for (const [i, command] of commands.entries()) {
        this.socket.write(`${command}\r\n`);
        const reply = await this.reply();
        replies.push(reply);
        if (reply.code !== expected[i]) break;
      }
    }
    const refused = replies.findIndex((reply, i) => reply.code !== expected[i]);
    if (refused >= 0) {
      // A refused envelope: DATA was refused too (or not sent); the transaction is reset for the next mail.
      if (replies[replies.length - 1]?.code === 354) {
        this.socket.write('.\r\n');
        await this.reply();
      }
      this.socket.write('RSET\r\n');
      await this.reply();
      throw new Error(`${commands[refused]}: ${replies[refused]?.code} ${replies[refused]?.text}`);
    }
    const body = message.replace(/^\./gm, '..');
    this.socket.write(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'latin1');
    const done = await this.reply();
    if (done.code < 200 || done.code >= 300) throw new Error(`end of data: ${done.code} ${done.text}`);
    return done;
  }

  /** Whether the connection failed or closed (a new one is needed). */
  get closed(): boolean {
    return this.failure !== null;
  }

  /** QUIT and close. */
  async close(): Promise<void> {
    if (this.failure) return;
    this.socket.write('QUIT\r\n');
    await this.reply().catch(() => undefined);
    this.socket.end();
  }

  private reply(): Promise<SmtpReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.deliver();
    });
  }

  private read(chunk: string): void {
    this.buffered += chunk;
    const parts = this.buffered.split('\r\n');
    this.buffered = parts.pop() ?? '';
    this.lines.push(...parts);
    this.deliver();
  }

  /** Hands complete replies (last line `code SP text`) to the waiting callers, in order. */
  private deliver(): void {
    while (this.waiting.length > 0) {
      const end = this.lines.findIndex((line) => line.charAt(3) !== '-');
      if (end < 0) return;
      const lines = this.lines.splice(0, end + 1);
      const code = Number(lines[0]?.slice(0, 3));
      this.waiting.shift()?.resolve({ code, text: lines.map((line) => line.slice(4)).join('\n') });
    }
  }
}

function expect(reply: SmtpReply, code: number, what: string): SmtpReply {
  if (reply.code !== code) throw new Error(`${what}: ${reply.code} ${reply.text}`);
  return reply;
}

import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { AttemptOutcome, OutboundMail } from './outbound-mail';
import { parseSmtpReply } from './outbound-mail';

/** An attachment's content for sending. */
export interface OutboundFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** Sends one mail to the next SMTP server; never throws, the outcome says how it went. */
export interface MailTransport {
  send(mail: OutboundMail, from: { name: string; address: string }, files: readonly OutboundFile[]): Promise<AttemptOutcome>;
  close(): void;
}

/**
 * Outbound SMTP through nodemailer's pooled transport to the relay (`MAIL_SMTP_RELAY_URL`).
 * Headers: the generated Message-ID, In-Reply-To/References of the thread, and on automatic
 * mail `Auto-Submitted` (RFC 3834) plus `X-Auto-Response-Suppress: All`, so that neither
 * RFC-abiding responders nor Exchange answer it — the other half of the loop protection.
 */
export class SmtpRelayTransport implements MailTransport {
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(relay: URL, hostname: string) {
    this.transporter = createTransport({
      pool: true,
      maxConnections: 4,
      host: relay.hostname,
      port: Number(relay.port || (relay.protocol === 'smtps:' ? 465 : 25)),
      secure: relay.protocol === 'smtps:',
      name: hostname,
      ...(relay.username ? { auth: { user: decodeURIComponent(relay.username), pass: decodeURIComponent(relay.password) } } : {}),
      connectionTimeout: 30_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutboundMail, from: { name: string; address: string }, files: readonly OutboundFile[]): Promise<AttemptOutcome> {
    const automatic = mail.purpose !== 'reply';
    try {
      const info = await this.transporter.sendMail({
        from,
        to: [...mail.to],
        cc: [...mail.cc],
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.messageIdHeader}>`,
        ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
        ...(mail.references.length > 0 ? { references: mail.references.map((id) => `<${id}>`) } : {}),
        headers: automatic ? { 'Auto-Submitted': mail.purpose === 'auto_acknowledgement' ? 'auto-replied' : 'auto-generated', 'X-Auto-Response-Suppress': 'All' } : {},
        attachments: files.map((f) => ({ filename: f.fileName, contentType: f.contentType, content: f.content })),
      });
      return { kind: 'accepted', reply: parseSmtpReply(info.response) ?? { code: 250, enhancedStatus: null, text: info.response } };
    } catch (error) {
      return failureOutcome(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/** A nodemailer error as an attempt outcome: 5xx permanent, 4xx or no reply temporary. */
export function failureOutcome(error: unknown): AttemptOutcome {
  const detail = error as { responseCode?: number; response?: string; message?: string };
  const message = detail.message ?? String(error);
  const reply = parseSmtpReply(detail.response, detail.responseCode);
  if (reply && reply.code >= 500) return { kind: 'permanent', reply, error: message };
  return { kind: 'temporary', reply, error: message };
}

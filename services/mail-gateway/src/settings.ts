import { signDevToken } from '@helpdesk/auth';
import type { MailGatewayConfig } from './config';
import type { ImapWatcherOptions } from './imap/imap-watcher';
import type { InboundSettings } from './inbound/inbound-mails.service';
import type { MailSenderOptions } from './outbound/mail-sender';
import type { OutboundSettings } from './outbound/outbound-queue';
import { SubjectTag } from './shared/subject-tag';

/** The inbound rules of a configuration. */
export function inboundSettings(config: MailGatewayConfig): InboundSettings {
  return {
    subjectTag: new SubjectTag(config.MAIL_SUBJECT_TAG),
    autoAckPerHour: config.MAIL_AUTO_ACK_PER_HOUR,
    maxAttachmentBytes: config.MAIL_MAX_ATTACHMENT_BYTES,
    backlogMails: config.MAIL_INBOUND_BACKLOG,
    backlogBytes: config.MAIL_INBOUND_BACKLOG_BYTES,
    maxProcessingAttempts: config.MAIL_PROCESSING_MAX_ATTEMPTS,
  };
}

/** The outbound rules of a configuration. */
export function outboundSettings(config: MailGatewayConfig): OutboundSettings {
  return { hostname: config.MAIL_HOSTNAME, subjectTag: new SubjectTag(config.MAIL_SUBJECT_TAG), defaultLanguage: config.MAIL_DEFAULT_LANGUAGE };
}

/** The IMAP watcher's timing of a configuration. */
export function imapWatcherOptions(config: MailGatewayConfig): ImapWatcherOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    pollIntervalMs: config.MAIL_IMAP_POLL_INTERVAL,
    refreshIntervalMs: config.MAIL_IMAP_MAILBOX_REFRESH,
    reconnectBaseMs: config.MAIL_IMAP_RECONNECT_BASE,
    reconnectMaxMs: 60_000,
  };
}

/** The sender's tuning of a configuration. */
export function senderOptions(config: MailGatewayConfig): MailSenderOptions {
  // A claimed mail's lease must outlast nodemailer's connection and socket timeouts (30 s + 60 s).
  return { retry: { maxAttempts: config.MAIL_SEND_MAX_ATTEMPTS, baseDelayMs: config.MAIL_SEND_RETRY_BASE }, pollIntervalMs: config.MAIL_SEND_POLL_INTERVAL, batch: 16, leaseMs: 120_000 };
}

/**
 * The bearer token for the ticket service: `MAIL_TICKET_GRPC_TOKEN`, else (development, shared
 * secret) an integration token the gateway signs itself, renewed before its hour runs out.
 */
export function ticketServiceToken(config: Pick<MailGatewayConfig, 'MAIL_TICKET_GRPC_TOKEN' | 'AUTH_JWT_SECRET'>): () => Promise<string | null> {
  const fixed = config.MAIL_TICKET_GRPC_TOKEN;
  if (fixed) return () => Promise.resolve(fixed);
  const secret = config.AUTH_JWT_SECRET;
  if (!secret) return () => Promise.resolve(null);
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!current || Date.now() > current.renewAt) {
      current = { token: await signDevToken(secret, { subject: 'mail-gateway', roles: ['integration'] }), renewAt: Date.now() + 50 * 60_000 };
    }
    return current.token;
  };
}

import type { OutboxPublisher } from '@helpdesk/messaging';
import type { Logger } from '@helpdesk/telemetry';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MailGatewayConfig } from './config';
import { ImapPoller } from './imap/imap-poller';
import type { InboundMailsService } from './inbound/inbound-mails.service';
import { MailSender } from './outbound/mail-sender';
import { SmtpRelayTransport } from './outbound/smtp-relay.transport';
import { TicketAttachmentsClient } from './outbound/ticket-attachments.client';
import { senderOptions, ticketServiceToken } from './settings';
import { SmtpListener } from './smtp/smtp-listener';

/**
 * Starts what the gateway runs besides gRPC and the consumers — the SMTP/LMTP listener, the IMAP
 * poller and the outbound sender, each as configured — once the app has bootstrapped, and stops
 * them (listener first: no new mail) when it closes.
 */
export class MailGatewayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly smtp: SmtpListener | null;
  readonly imap: ImapPoller | null;
  readonly sender: MailSender | null;

  constructor(config: MailGatewayConfig, dataSource: DataSource, publisher: OutboxPublisher, inbound: InboundMailsService, logger: Logger) {
    this.smtp = config.MAIL_SMTP_ENABLED
      ? new SmtpListener(
          { host: config.MAIL_SMTP_HOST, port: config.MAIL_SMTP_PORT, lmtp: config.MAIL_SMTP_LMTP, hostname: config.MAIL_HOSTNAME, maxMessageBytes: config.MAIL_MAX_MESSAGE_BYTES },
          dataSource,
          inbound,
          logger,
        )
      : null;
    this.imap = config.MAIL_IMAP_ENABLED ? new ImapPoller({ databaseUrl: config.DATABASE_URL, intervalMs: config.MAIL_IMAP_POLL_INTERVAL }, dataSource, inbound, logger) : null;
    this.sender = config.MAIL_OUTBOUND_ENABLED
      ? new MailSender(
          dataSource,
          publisher,
          new SmtpRelayTransport(config.MAIL_SMTP_RELAY_URL, config.MAIL_HOSTNAME),
          new TicketAttachmentsClient(config.MAIL_TICKET_GRPC_ADDRESS, ticketServiceToken(config)),
          senderOptions(config),
          logger,
        )
      : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.smtp) await this.smtp.listen();
    this.imap?.start();
    this.sender?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.smtp?.close();
    await this.imap?.stop();
    await this.sender?.stop();
  }
}

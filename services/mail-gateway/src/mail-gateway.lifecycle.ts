import type { OutboxPublisher } from '@helpdesk/messaging';
import type { Logger } from '@helpdesk/telemetry';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MailGatewayConfig } from './config';
import { ImapWatcher } from './imap/imap-watcher';
import type { InboundMailsService } from './inbound/inbound-mails.service';
import type { InboundProcessor } from './inbound/inbound-processor';
import { InboundRecovery } from './inbound/inbound-recovery';
import { MailSender } from './outbound/mail-sender';
import { SmtpRelayTransport } from './outbound/smtp-relay.transport';
import { TicketAttachmentsClient } from './outbound/ticket-attachments.client';
import { imapWatcherOptions, senderOptions, ticketServiceToken } from './settings';
import { SmtpListener } from './smtp/smtp-listener';

/**
 * Starts what the gateway runs besides gRPC and the consumers — the recovery pass of inbound
 * processing, the SMTP/LMTP listener, the IMAP watcher and the outbound sender, each as configured — once the app has bootstrapped, and stops
 * them (listener first: no new mail) when it closes.
 */
export class MailGatewayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly smtp: SmtpListener | null;
  readonly imap: ImapWatcher | null;
  readonly sender: MailSender | null;
  readonly recovery: InboundRecovery;

  constructor(
    config: MailGatewayConfig,
    dataSource: DataSource,
    publisher: OutboxPublisher,
    inbound: InboundMailsService,
    private readonly processor: InboundProcessor,
    logger: Logger,
  ) {
    this.recovery = new InboundRecovery(dataSource, processor, { intervalMs: config.MAIL_INBOUND_RECOVERY_INTERVAL, maxAttachmentBytes: config.MAIL_MAX_ATTACHMENT_BYTES }, logger);
    this.smtp = config.MAIL_SMTP_ENABLED
      ? new SmtpListener(
          { host: config.MAIL_SMTP_HOST, port: config.MAIL_SMTP_PORT, lmtp: config.MAIL_SMTP_LMTP, hostname: config.MAIL_HOSTNAME, maxMessageBytes: config.MAIL_MAX_MESSAGE_BYTES },
          dataSource,
          inbound,
          logger,
        )
      : null;
    this.imap = config.MAIL_IMAP_ENABLED ? new ImapWatcher(imapWatcherOptions(config), dataSource, inbound, logger) : null;
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
    this.recovery.start();
    if (this.smtp) await this.smtp.listen();
    this.imap?.start();
    this.sender?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.smtp?.close();
    await this.imap?.stop();
    // Stored mails still queued are processed now (their events then go out with the outbox flush).
    await this.processor.idle();
    await this.recovery.stop();
    await this.sender?.stop();
  }
}

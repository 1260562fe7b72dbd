import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings, OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { ArchiveGrpcController } from './archive/archive.grpc.controller';
import type { MailGatewayConfig } from './config';
import { mapMailError } from './errors/mail-error.map';
import { InboundMailsService } from './inbound/inbound-mails.service';
import { InboundProcessor } from './inbound/inbound-processor';
import { MailGatewayLifecycle } from './mail-gateway.lifecycle';
import { MailboxesGrpcController } from './mailboxes/mailboxes.grpc.controller';
import { MailboxesService } from './mailboxes/mailboxes.service';
import { onSlaEscalated } from './outbound/on-sla-escalated.handler';
import { onTicketMessageAdded } from './outbound/on-ticket-message-added.handler';
import { OutboundQueue } from './outbound/outbound-queue';
import { onAgentUpserted, onContactUpserted } from './read-models/on-directory-upserted.handlers';
import { onTicketCreated } from './read-models/on-ticket-created.handler';
import { onTicketUpdated } from './read-models/on-ticket-updated.handler';
import { inboundSettings, outboundSettings } from './settings';

/** The consumers of the mail gateway: outbound mail, escalations, and the threading read models. */
function mailGatewayEventHandlers(config: MailGatewayConfig) {
  const queue = new OutboundQueue(outboundSettings(config));
  return [onTicketMessageAdded(queue), onSlaEscalated(queue), onTicketCreated(), onTicketUpdated(), onContactUpserted(), onAgentUpserted()];
}

/** The mail gateway's root module for one configuration. */
export function mailGatewayAppModule(config: MailGatewayConfig, logger: Logger): DynamicModule {
  return {
    module: MailGatewayAppModule,
    imports: [
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapMailError, logger }),
      {
        ...MessagingModule.forRoot({
          service: 'mail-gateway',
          natsUrl: config.NATS_URL,
          ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          ...messagingSettings(config),
          events: EVENT_REGISTRY,
          handlers: mailGatewayEventHandlers(config),
          logger,
        }),
        global: true,
      },
    ],
    controllers: [MailboxesGrpcController, ArchiveGrpcController],
    providers: [
      { provide: MailboxesService, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new MailboxesService(dataSource) },
      {
        provide: InboundProcessor,
        inject: [DATA_SOURCE, OutboxPublisher],
        useFactory: (dataSource: DataSource, publisher: OutboxPublisher) => new InboundProcessor(dataSource, publisher, inboundSettings(config), logger),
      },
      {
        provide: InboundMailsService,
        inject: [DATA_SOURCE, InboundProcessor],
        useFactory: (dataSource: DataSource, processor: InboundProcessor) => new InboundMailsService(dataSource, processor, inboundSettings(config)),
      },
      {
        provide: MailGatewayLifecycle,
        inject: [DATA_SOURCE, OutboxPublisher, InboundMailsService, InboundProcessor],
        useFactory: (dataSource: DataSource, publisher: OutboxPublisher, inbound: InboundMailsService, processor: InboundProcessor) =>
          new MailGatewayLifecycle(config, dataSource, publisher, inbound, processor, logger),
      },
    ],
  };
}

@Module({})
class MailGatewayAppModule {}

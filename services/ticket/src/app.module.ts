import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { TicketConfig } from './config';
import { DirectoryModule } from './directory/directory.module';
import { mapTicketError } from './errors/ticket-error.map';
import { ExportsModule } from './export/exports.module';
import { LinksModule } from './links/links.module';
import { MergesModule } from './merges/merges.module';
import { ticketEventHandlers } from './inbound/ticket-event-handlers';
import { MessagesModule } from './messages/messages.module';
import { ActiveQueuesCache } from './queues/active-queues-cache';
import { QueuesModule } from './queues/queues.module';
import { TasksModule } from './tasks/tasks.module';
import { TicketsModule } from './tickets/tickets.module';
import { WorklogModule } from './worklog/worklog.module';

/** The ticket service's root module for one configuration: lib modules plus feature modules. */
export function ticketAppModule(config: TicketConfig, logger: Logger): DynamicModule {
  // Queue routing's check keeps the active queues while it hears of every change (a provider, so
  // its LISTEN connection opens and closes with the application).
  const activeQueues = new ActiveQueuesCache(config.DATABASE_URL, logger);
  return {
    module: TicketAppModule,
    providers: [{ provide: ActiveQueuesCache, useValue: activeQueues }],
    imports: [
      // Clients repeat their bearer token on every call: verified tokens are kept until their expiry.
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapTicketError, logger }),
      // Global, so every feature module can take the OutboxPublisher without importing it.
      {
        ...MessagingModule.forRoot({
        service: 'ticket',
        natsUrl: config.NATS_URL,
        ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
        subjectPrefix: config.NATS_SUBJECT_PREFIX,
        dataSource: DATA_SOURCE,
        ...messagingSettings(config),
        events: EVENT_REGISTRY,
        handlers: ticketEventHandlers(config, activeQueues),
          logger,
        }),
        global: true,
      },
      TicketsModule.forRoot({
        numberPrefix: config.TICKET_NUMBER_PREFIX,
        categories: config.TICKET_CATEGORIES,
        reopenWindowDays: config.TICKET_REOPEN_WINDOW_DAYS,
      }),
      MessagesModule.forRoot({ attachmentMaxBytes: config.TICKET_ATTACHMENT_MAX_BYTES }),
      WorklogModule.forRoot({ activityTypes: config.TICKET_ACTIVITY_TYPES, maxMinutesPerEntry: config.TICKET_WORK_MAX_MINUTES }),
      DirectoryModule.forRoot({ defaultCountry: config.DIRECTORY_DEFAULT_COUNTRY, timeZone: config.DIRECTORY_TIME_ZONE }),
      TasksModule.forRoot({
        callbacks: { dueMinutes: config.TICKET_CALLBACK_DUE_MINUTES, reminderLeadMinutes: config.TICKET_CALLBACK_REMINDER_LEAD_MINUTES },
      }),
      LinksModule,
      MergesModule,
      ExportsModule.forRoot({ csvDelimiter: config.TICKET_EXPORT_CSV_DELIMITER, timeZone: config.TICKET_EXPORT_TIME_ZONE }),
      QueuesModule.forRoot({ defaultTimeZone: config.QUEUE_DEFAULT_TIME_ZONE }),
    ],
  };
}

@Module({})
class TicketAppModule {}

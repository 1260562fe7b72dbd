import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import { ticketEventHandlers } from './cases/ticket-event.handlers';
import type { KnowledgeConfig } from './config';
import { mapKnowledgeError } from './errors/knowledge-error.map';
import { knowledgeComponents } from './knowledge-components';
import { KnowledgeModule } from './knowledge.module';

/** The knowledge service's root module for one configuration: lib modules plus the feature module. */
export function knowledgeAppModule(config: KnowledgeConfig, logger: Logger): DynamicModule {
  const components = knowledgeComponents(config, logger);
  return {
    module: KnowledgeAppModule,
    imports: [
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapKnowledgeError, logger }),
      {
        ...MessagingModule.forRoot({
          service: 'knowledge',
          natsUrl: config.NATS_URL,
          ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          ...messagingSettings(config),
          events: EVENT_REGISTRY,
          handlers: ticketEventHandlers({ learning: components.learning, search: components.engine, suggestionLimit: config.KNOWLEDGE_SUGGESTION_LIMIT, resolvedConsumers: config.KNOWLEDGE_RESOLVED_CONSUMERS, clock: () => new Date() }),
          logger,
        }),
        global: true,
      },
      KnowledgeModule.forRoot(components),
    ],
  };
}

@Module({})
class KnowledgeAppModule {}

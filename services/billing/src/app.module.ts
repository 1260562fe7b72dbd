import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import { BillingModule } from './billing.module';
import type { BillingConfig } from './config';
import { mapBillingError } from './errors/billing-error.map';
import { billingEventHandlers } from './items/billing-event-handlers';

/** The billing service's root module for one configuration: lib modules plus the billing features. */
export function billingAppModule(config: BillingConfig, logger: Logger): DynamicModule {
  return {
    module: BillingAppModule,
    imports: [
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapBillingError, logger }),
      // Global, so the feature module can take the OutboxPublisher.
      {
        ...MessagingModule.forRoot({
          service: 'billing',
          natsUrl: config.NATS_URL,
          ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          ...messagingSettings(config),
          events: EVENT_REGISTRY,
          handlers: billingEventHandlers(config),
          logger,
        }),
        global: true,
      },
      BillingModule.forRoot({ timeZone: config.BILLING_TIME_ZONE, eventBudgetBytes: config.BILLING_EVENT_BUDGET_BYTES, logger }),
    ],
  };
}

@Module({})
class BillingAppModule {}

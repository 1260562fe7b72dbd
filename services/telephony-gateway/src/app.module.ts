import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { TelephonyConfig } from './config';
import { CallerIndex } from './directory/caller-index';
import { directoryReadModelHandlers } from './directory/directory-read-model.handlers';
import { mapCallError } from './errors/telephony-error.map';
import { GatewayModule } from './gateway.module';

/** The telephony gateway's root module for one configuration: lib modules plus the gateway's features. */
export function telephonyAppModule(config: TelephonyConfig, logger: Logger): DynamicModule {
  // One caller index per process, fed by the read-model consumers and the gateway's own subscription.
  const callerIndex = new CallerIndex();
  const messaging = messagingSettings(config);
  return {
    module: TelephonyAppModule,
    imports: [
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapCallError, logger }),
      {
        ...MessagingModule.forRoot({
          service: 'telephony-gateway',
          natsUrl: config.NATS_URL,
          ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          ...messaging,
          relay: { ...messaging.relay, coalesceMs: config.TELEPHONY_OUTBOX_COALESCE },
          events: EVENT_REGISTRY,
          handlers: directoryReadModelHandlers(callerIndex),
          logger,
        }),
        global: true,
      },
      GatewayModule.forRoot(config, logger, callerIndex),
    ],
  };
}

@Module({})
class TelephonyAppModule {}

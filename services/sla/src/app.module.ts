import { Module, type DynamicModule } from '@nestjs/common';
import { jwtVerifierOptionsFromConfig } from '@helpdesk/auth';
import { EVENT_REGISTRY } from '@helpdesk/contracts';
import { GrpcModule } from '@helpdesk/grpc';
import { MessagingModule, messagingSettings } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import { RulesRegistry } from './clocks/rules-registry';
import { SlaWriter } from './clocks/sla-writer';
import { TicketClocksService } from './clocks/ticket-clocks.service';
import type { SlaConfig } from './config';
import { DEMO_IDS } from './demo/demo-policies';
import { mapSlaError } from './errors/sla-error.map';
import { directoryEventHandlers } from './inbound/directory-event.handlers';
import { ticketEventHandlers } from './inbound/ticket-event.handlers';
import { SlaModule } from './sla.module';

/** The SLA service's root module for one configuration: lib modules plus the SLA feature module. */
export function slaAppModule(config: SlaConfig, logger: Logger): DynamicModule {
  const registry = new RulesRegistry();
  const writer = new SlaWriter();
  // The demo contracts name no policy, so with demo data Silver is the default unless one is configured.
  const defaultPolicyId = config.SLA_DEFAULT_POLICY_ID ?? (config.DEMO_DATA ? DEMO_IDS.silver : null);
  const ticketClocks = new TicketClocksService(registry, writer, defaultPolicyId);
  return {
    module: SlaAppModule,
    imports: [
      GrpcModule.forRoot({ auth: jwtVerifierOptionsFromConfig(config), mapDomainError: mapSlaError, logger }),
      {
        ...MessagingModule.forRoot({
          service: 'sla',
          natsUrl: config.NATS_URL,
          ...(config.NATS_CREDS ? { natsCreds: config.NATS_CREDS } : {}),
          subjectPrefix: config.NATS_SUBJECT_PREFIX,
          dataSource: DATA_SOURCE,
          ...messagingSettings(config),
          events: EVENT_REGISTRY,
          handlers: [...ticketEventHandlers(ticketClocks), ...directoryEventHandlers()],
          logger,
        }),
        global: true,
      },
      SlaModule.forRoot({
        registry,
        writer,
        timer: { pollMs: config.SLA_TIMER_POLL_MS, batchSize: config.SLA_TIMER_BATCH },
        recompute: { batchSize: config.SLA_RECOMPUTE_BATCH, concurrency: config.SLA_RECOMPUTE_CONCURRENCY, leaseMs: config.SLA_RECOMPUTE_LEASE_MS },
        recomputeResumeMs: config.SLA_RECOMPUTE_RESUME_MS,
        logger,
      }),
    ],
  };
}

@Module({})
class SlaAppModule {}

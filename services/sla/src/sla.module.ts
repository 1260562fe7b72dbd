import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { CalendarsService } from './calendars/calendars.service';
import type { RulesRegistry } from './clocks/rules-registry';
import type { SlaWriter } from './clocks/sla-writer';
import { TicketSlaQuery } from './clocks/ticket-sla.query';
import { PoliciesService } from './policies/policies.service';
import { AbandonedJobsPoller } from './recompute/abandoned-jobs.poller';
import { RecomputeService, type RecomputeSettings } from './recompute/recompute.service';
import { ComplianceQuery } from './reports/compliance.query';
import { SlaGrpcController } from './sla.grpc.controller';
import { TimerWorker, type TimerSettings } from './timers/timer-worker';

/** What the SLA feature module is built from (the registry and writer are shared with the event handlers). */
export interface SlaModuleParts {
  readonly registry: RulesRegistry;
  readonly writer: SlaWriter;
  readonly timer: TimerSettings;
  readonly recompute: RecomputeSettings;
  readonly recomputeResumeMs: number;
  readonly logger: Logger;
}

/** Runs the timer and the poller for abandoned recompute jobs while the application runs. */
class TimerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(TimerWorker) private readonly worker: TimerWorker,
    @Inject(AbandonedJobsPoller) private readonly abandoned: AbandonedJobsPoller,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start();
    this.abandoned.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.abandoned.stop();
    await this.worker.stop();
  }
}

/** Policies, calendars, recomputes, GetTicketSla and the timer. */
@Module({})
export class SlaModule {
  static forRoot(parts: SlaModuleParts): DynamicModule {
    return {
      module: SlaModule,
      controllers: [SlaGrpcController],
      providers: [
        {
          provide: RecomputeService,
          inject: [DATA_SOURCE, OutboxPublisher],
          useFactory: (ds: DataSource, publisher: OutboxPublisher) => new RecomputeService(ds, publisher, parts.registry, parts.writer, parts.recompute),
        },
        { provide: AbandonedJobsPoller, inject: [RecomputeService], useFactory: (r: RecomputeService) => new AbandonedJobsPoller(r, parts.recomputeResumeMs, parts.logger) },
        { provide: PoliciesService, inject: [DATA_SOURCE, RecomputeService], useFactory: (ds: DataSource, r: RecomputeService) => new PoliciesService(ds, r) },
        { provide: CalendarsService, inject: [DATA_SOURCE, RecomputeService], useFactory: (ds: DataSource, r: RecomputeService) => new CalendarsService(ds, r) },
        { provide: ComplianceQuery, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new ComplianceQuery(ds) },
        { provide: TicketSlaQuery, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new TicketSlaQuery(ds, parts.registry) },
        {
          provide: TimerWorker,
          inject: [DATA_SOURCE, OutboxPublisher],
          useFactory: (ds: DataSource, publisher: OutboxPublisher) => new TimerWorker(ds, publisher, parts.registry, parts.writer, parts.timer, parts.logger),
        },
        TimerLifecycle,
      ],
      exports: [PoliciesService, CalendarsService, TimerWorker],
    };
  }
}

import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import { BillingGrpcController } from './billing.grpc.controller';
import { PlansService } from './plans/plans.service';
import { ProfitabilityService } from './profitability/profitability.service';
import { QuotaQueries } from './quotas/quota-queries';
import { RunsService } from './runs/runs.service';
import { StatementPublications } from './runs/statement-publications';
import { StatementPublisherWorker } from './runs/statement-publisher.worker';
import { StatementsGrpcController } from './statements/statements.grpc.controller';
import { StatementsService } from './statements/statements.service';

/** Runs the worker that writes issued statements' events while the application runs. */
class StatementPublisherLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(StatementPublisherWorker) private readonly worker: StatementPublisherWorker) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}

/** The billing features: plans, quotas, runs, statements and profitability, with their RPCs. */
@Module({})
export class BillingModule {
  static forRoot(settings: { timeZone: string; eventBudgetBytes: number; logger: Logger }): DynamicModule {
    return {
      module: BillingModule,
      controllers: [BillingGrpcController, StatementsGrpcController],
      providers: [
        { provide: PlansService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new PlansService(ds) },
        { provide: QuotaQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new QuotaQueries(ds, settings.timeZone) },
        {
          provide: StatementPublisherWorker,
          inject: [DATA_SOURCE, OutboxPublisher],
          useFactory: (ds: DataSource, publisher: OutboxPublisher) => new StatementPublisherWorker(new StatementPublications(ds, publisher, settings.eventBudgetBytes, settings.logger), settings.logger),
        },
        StatementPublisherLifecycle,
        { provide: RunsService, inject: [DATA_SOURCE, StatementPublisherWorker], useFactory: (ds: DataSource, worker: StatementPublisherWorker) => new RunsService(ds, worker, settings.timeZone, undefined, settings.logger) },
        { provide: ProfitabilityService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new ProfitabilityService(ds) },
        { provide: StatementsService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new StatementsService(ds, settings.timeZone) },
      ],
      exports: [PlansService],
    };
  }
}

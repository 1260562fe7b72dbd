import { Module, type DynamicModule } from '@nestjs/common';
import { OutboxPublisher } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import { BillingGrpcController } from './billing.grpc.controller';
import { PlansService } from './plans/plans.service';
import { ProfitabilityService } from './profitability/profitability.service';
import { QuotaQueries } from './quotas/quota-queries';
import { RunsService } from './runs/runs.service';
import { StatementsGrpcController } from './statements/statements.grpc.controller';
import { StatementsService } from './statements/statements.service';

/** The billing features: plans, quotas, runs, statements and profitability, with their RPCs. */
@Module({})
export class BillingModule {
  static forRoot(settings: { timeZone: string }): DynamicModule {
    return {
      module: BillingModule,
      controllers: [BillingGrpcController, StatementsGrpcController],
      providers: [
        { provide: PlansService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new PlansService(ds) },
        { provide: QuotaQueries, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new QuotaQueries(ds, settings.timeZone) },
        { provide: RunsService, inject: [DATA_SOURCE, OutboxPublisher], useFactory: (ds: DataSource, publisher: OutboxPublisher) => new RunsService(ds, publisher, settings.timeZone) },
        { provide: ProfitabilityService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new ProfitabilityService(ds) },
        { provide: StatementsService, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new StatementsService(ds, settings.timeZone) },
      ],
      exports: [PlansService],
    };
  }
}

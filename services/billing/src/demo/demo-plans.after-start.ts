import type { INestMicroservice } from '@nestjs/common';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';
import type { BillingConfig } from '../config';
import { PlansRepository } from '../plans/plans.repository';
import { PlansService } from '../plans/plans.service';
import { demoPlans } from './demo-plans';

/** With DEMO_DATA=true, a service without plans gets the demo plans (ids fixed, see DEMO_PLAN_IDS). */
export async function loadDemoPlans(app: INestMicroservice, config: BillingConfig, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const dataSource = app.get<DataSource>(DATA_SOURCE);
  if ((await new PlansRepository(dataSource.manager).count()) > 0) return;
  const plans = new PlansService(dataSource);
  const admin = { kind: 'staff', subject: 'demo-data', roles: ['admin'] } as const;
  const year = new Date().getUTCFullYear();
  for (const plan of demoPlans(year)) await plans.create(admin, plan.planId, plan.validFrom, plan.terms);
  logger.info({ plans: demoPlans(year).length }, 'demo plans loaded');
}

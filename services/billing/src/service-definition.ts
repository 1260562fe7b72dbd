import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { billingAppModule } from './app.module';
import { billingConfigSchema } from './config';
import { loadDemoPlans } from './demo/demo-plans.after-start';
import { billingMigrations } from './migrations/billing-migrations';

/** What the runtime needs to start the billing service (main.ts and the tests use it). */
export const billingServiceDefinition: ServiceDefinition<typeof billingConfigSchema> = {
  name: 'billing',
  configSchema: billingConfigSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: billingMigrations, applicationName: 'helpdesk-billing' }),
  appModule: billingAppModule,
  grpc: { packages: ['helpdesk.billing.v1'], protoPaths: ['helpdesk/billing/v1/billing.proto'], includeDirs: [PROTO_ROOT] },
  // DEMO_DATA=true (set by `npm start`): a service without plans gets the demo plans.
  afterStart: loadDemoPlans,
};

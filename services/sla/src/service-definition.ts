import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { slaAppModule } from './app.module';
import { slaConfigSchema } from './config';
import { loadDemoData } from './demo/demo-data.after-start';
import { slaMigrations } from './migrations/sla-migrations';

/** What the runtime needs to start the SLA service (main.ts and the tests use it). */
export const slaServiceDefinition: ServiceDefinition<typeof slaConfigSchema> = {
  name: 'sla',
  configSchema: slaConfigSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: slaMigrations, applicationName: 'helpdesk-sla' }),
  appModule: slaAppModule,
  grpc: {
    packages: ['helpdesk.sla.v1'],
    protoPaths: ['helpdesk/sla/v1/sla.proto'],
    includeDirs: [PROTO_ROOT],
  },
  // DEMO_DATA=true (set by `npm start`): an empty service gets the demo policies and calendars.
  afterStart: loadDemoData,
};

import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { ticketAppModule } from './app.module';
import { GRPC_MAX_RECEIVE_BYTES, ticketConfigSchema } from './config';
import { loadDemoData } from './demo/demo-data.after-start';
import { ticketMigrations } from './migrations/ticket-migrations';

/** What the runtime needs to start the ticket service (main.ts and the tests use it). */
export const ticketServiceDefinition: ServiceDefinition<typeof ticketConfigSchema> = {
  name: 'ticket',
  configSchema: ticketConfigSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: ticketMigrations, applicationName: 'helpdesk-ticket' }),
  appModule: ticketAppModule,
  grpc: {
    packages: ['helpdesk.ticket.v1'],
    protoPaths: ['helpdesk/ticket/v1/ticket.proto', 'helpdesk/ticket/v1/directory.proto', 'helpdesk/ticket/v1/queues.proto'],
    includeDirs: [PROTO_ROOT],
    // AddMessage carries attachments inline (TICKET_ATTACHMENT_MAX_BYTES each).
    maxReceiveMessageBytes: GRPC_MAX_RECEIVE_BYTES,
  },
  // DEMO_DATA=true (set by `npm start`): an empty service gets the demo data set.
  afterStart: loadDemoData,
};

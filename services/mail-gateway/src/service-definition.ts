import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { mailGatewayAppModule } from './app.module';
import { GRPC_MAX_MESSAGE_BYTES, mailGatewayConfigSchema } from './config';
import { loadDemoMailbox } from './demo/demo-mailbox.after-start';
import { mailGatewayMigrations } from './migrations/mail-gateway-migrations';

/** What the runtime needs to start the mail gateway (main.ts and the tests use it). */
export const mailGatewayServiceDefinition: ServiceDefinition<typeof mailGatewayConfigSchema> = {
  name: 'mail-gateway',
  configSchema: mailGatewayConfigSchema,
  dataSource: (config) => ({ url: config.DATABASE_URL, entities: [], migrations: mailGatewayMigrations, applicationName: 'helpdesk-mail-gateway' }),
  appModule: mailGatewayAppModule,
  grpc: {
    packages: ['helpdesk.mail.v1'],
    protoPaths: ['helpdesk/mail/v1/mail.proto'],
    includeDirs: [PROTO_ROOT],
    maxReceiveMessageBytes: GRPC_MAX_MESSAGE_BYTES,
  },
  // DEMO_DATA=true (set by `npm start`): a gateway without mailboxes gets the demo mailbox.
  afterStart: loadDemoMailbox,
};

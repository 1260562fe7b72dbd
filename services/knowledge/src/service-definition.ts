import { PROTO_ROOT } from '@helpdesk/contracts';
import type { ServiceDefinition } from '@helpdesk/runtime';
import { knowledgeAppModule } from './app.module';
import { knowledgeConfigSchema } from './config';
import { withSessionSettings } from './database-url';
import { loadDemoArticles } from './demo/demo-articles.after-start';
import { knowledgeMigrations } from './migrations/knowledge-migrations';

/** What the runtime needs to start the knowledge service (main.ts and the tests use it). */
export const knowledgeServiceDefinition: ServiceDefinition<typeof knowledgeConfigSchema> = {
  name: 'knowledge',
  configSchema: knowledgeConfigSchema,
  // The session settings (`database-url.ts`) reach the running pool too: the runtime builds it from this.
  dataSource: (config) => ({ url: withSessionSettings(config.DATABASE_URL), entities: [], migrations: knowledgeMigrations, applicationName: 'helpdesk-knowledge' }),
  appModule: knowledgeAppModule,
  grpc: {
    packages: ['helpdesk.knowledge.v1'],
    protoPaths: ['helpdesk/knowledge/v1/knowledge.proto'],
    includeDirs: [PROTO_ROOT],
  },
  // DEMO_DATA=true (set by `npm start`): an empty service gets a few published FAQ articles.
  afterStart: loadDemoArticles,
};

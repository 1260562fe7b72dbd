import type { DataSourceConfig } from '@helpdesk/persistence';
import type { KnowledgeConfig } from './config';
import { withSessionSettings } from './database-url';
import { knowledgeMigrations } from './migrations/knowledge-migrations';

/**
 * The service's database connection, for the running service and the migrate command alike: the
 * session settings (`database-url.ts`) must reach the pool the searches run on.
 */
export function knowledgeDataSourceConfig(config: Pick<KnowledgeConfig, 'DATABASE_URL'>): DataSourceConfig {
  return { url: withSessionSettings(config.DATABASE_URL), entities: [], migrations: knowledgeMigrations, applicationName: 'helpdesk-knowledge' };
}

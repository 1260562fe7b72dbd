import type { INestMicroservice } from '@nestjs/common';
import type { Caller } from '@helpdesk/auth';
import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import { ArticlesService } from '../articles/articles.service';
import type { KnowledgeConfig } from '../config';
import { DEMO_ARTICLES } from './demo-articles';

const DEMO_EDITOR: Caller = { kind: 'staff', subject: 'demo-data', roles: ['admin'] };

/**
 * The knowledge service's `afterStart`: with `DEMO_DATA=true` and no articles yet, writes and
 * publishes the demo articles. Replicas take turns on an advisory lock.
 */
export async function loadDemoArticles(app: INestMicroservice, config: Pick<KnowledgeConfig, 'DEMO_DATA' | 'DATABASE_URL'>, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const lock = new AdvisoryLock(config.DATABASE_URL, 'knowledge-demo-data');
  try {
    if (!(await lock.tryAcquire())) return;
    const articles = app.get(ArticlesService);
    if ((await articles.list(DEMO_EDITOR, { status: null, needsReviewOnly: false }, null, 1)).items.length > 0) {
      logger.info('demo data: the service holds articles already; nothing added');
      return;
    }
    for (const input of DEMO_ARTICLES) {
      const draft = await articles.create(DEMO_EDITOR, input);
      await articles.publish(DEMO_EDITOR, draft.id, draft.revision);
    }
    logger.info(`demo data: published ${DEMO_ARTICLES.length} articles`);
  } finally {
    await lock.release();
  }
}

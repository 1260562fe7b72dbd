import type { INestMicroservice } from '@nestjs/common';
import { AdvisoryLock } from '@helpdesk/persistence';
import type { Logger } from '@helpdesk/telemetry';
import { CalendarsService } from '../calendars/calendars.service';
import type { SlaConfig } from '../config';
import { PoliciesService } from '../policies/policies.service';
import { demoCalendars, demoPolicies } from './demo-policies';

/**
 * The SLA service's `afterStart`: with `DEMO_DATA=true` and no calendars yet, creates the demo
 * calendars and policies. Replicas starting together take turns on an advisory lock.
 */
export async function loadDemoData(app: INestMicroservice, config: Pick<SlaConfig, 'DEMO_DATA' | 'DATABASE_URL'>, logger: Logger): Promise<void> {
  if (!config.DEMO_DATA) return;
  const lock = new AdvisoryLock(config.DATABASE_URL, 'sla-demo-data');
  try {
    if (!(await lock.tryAcquire())) return;
    const calendars = app.get(CalendarsService);
    if ((await calendars.list(null, 1)).length > 0) {
      logger.info('demo data: the service holds calendars already; nothing added');
      return;
    }
    for (const c of demoCalendars) await calendars.create(c.id, c.settings);
    const policies = app.get(PoliciesService);
    for (const p of demoPolicies) await policies.create(p.id, p.settings);
    logger.info(`demo data: created ${demoCalendars.length} calendars and ${demoPolicies.length} policies (${demoPolicies.map((p) => p.settings.name).join(', ')})`);
  } finally {
    await lock.release();
  }
}

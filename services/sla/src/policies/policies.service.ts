import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { CalendarsRepository } from '../calendars/calendars.repository';
import type { RecomputeService } from '../recompute/recompute.service';
import { SlaError } from '../errors/sla.errors';
import { PoliciesRepository } from './policies.repository';
import type { Policy, PolicySettings } from './policy';

/** Creating, changing and listing policies; a change recomputes the policy's running clocks. */
export class PoliciesService {
  private readonly policies = new PoliciesRepository();
  private readonly calendars = new CalendarsRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly recompute: RecomputeService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  create(id: string | null, settings: PolicySettings): Promise<Policy> {
    return withTransaction(this.dataSource, async (manager) => {
      await this.assertCalendar(manager, settings.calendarId);
      const policy: Policy = { id: id ?? uuidv7(), version: 1, settings, updatedAt: this.clock() };
      if (!(await this.policies.insert(manager, policy))) throw new SlaError('ALREADY_EXISTS', `policy ${policy.id} exists already`, 'id');
      return policy;
    });
  }

  async update(id: string, settings: PolicySettings, expectedVersion: number): Promise<{ policy: Policy; recomputed: number }> {
    const { policy, job } = await withTransaction(this.dataSource, async (manager) => {
      const current = await this.policies.find(manager, id, true);
      if (!current) throw new SlaError('POLICY_NOT_FOUND', `policy ${id} not found`);
      if (expectedVersion && expectedVersion !== current.version) throw new SlaError('VERSION_CONFLICT', `policy ${id} is at version ${current.version}, not ${expectedVersion}`);
      await this.assertCalendar(manager, settings.calendarId);
      const next: Policy = { id, version: current.version + 1, settings, updatedAt: this.clock() };
      await this.policies.update(manager, next);
      // The job commits with the change, so a replica dying during the recompute leaves it for another.
      return { policy: next, job: await this.recompute.jobs.enqueue(manager, { policyId: id }) };
    });
    return { policy, recomputed: await this.recompute.run(job) };
  }

  async list(after: { name: string; id: string } | null, limit: number): Promise<Policy[]> {
    return this.policies.page(this.dataSource.manager, after, limit);
  }

  private async assertCalendar(manager: Parameters<CalendarsRepository['find']>[0], calendarId: string | null): Promise<void> {
    if (calendarId && !(await this.calendars.find(manager, calendarId))) throw new SlaError('INVALID_FIELD', `calendar ${calendarId} does not exist`, 'settings.calendarId');
  }
}

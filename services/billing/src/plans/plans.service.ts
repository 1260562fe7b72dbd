import { requireRole, type Caller } from '@helpdesk/auth';
import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { BillingError } from '../errors/billing.errors';
import type { PlanTerms, PlanVersion } from './plan';
import { PlansRepository } from './plans.repository';

/** A plan with its versions, newest first. */
export interface PlanWithVersions {
  readonly planId: string;
  readonly versions: readonly PlanVersion[];
}

/** Creates, versions and lists billing plans. */
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Creates a plan with its first version. Admins. */
  async create(caller: Caller, planId: string | null, validFrom: string, terms: PlanTerms): Promise<PlanWithVersions> {
    requireRole(caller, ['admin'], 'BillingService/CreatePlan');
    const id = planId ?? uuidv7();
    const now = this.clock();
    return withTransaction(this.dataSource, async (m) => {
      const plans = new PlansRepository(m);
      if (!(await plans.insertPlan(id, now))) throw new BillingError('PLAN_EXISTS', `plan ${id} exists already`);
      const version: PlanVersion = { planId: id, version: 1, validFrom, terms, createdAt: now };
      await plans.insertVersion(version);
      return { planId: id, versions: [version] };
    });
  }

  /** Appends a version in force from `validFrom`, which must be later than the latest version's. Admins. */
  async update(caller: Caller, planId: string, validFrom: string, terms: PlanTerms): Promise<PlanWithVersions> {
    requireRole(caller, ['admin'], 'BillingService/UpdatePlan');
    const now = this.clock();
    return withTransaction(this.dataSource, async (m) => {
      const plans = new PlansRepository(m);
      if (!(await plans.lockPlan(planId))) throw new BillingError('PLAN_NOT_FOUND', `no plan ${planId}`);
      const versions = await plans.versionsOf([planId]);
      const latest = versions[versions.length - 1];
      if (latest && validFrom <= latest.validFrom) {
        throw new BillingError('PLAN_VERSION_NOT_LATER', `valid_from ${validFrom} must be later than version ${latest.version}'s ${latest.validFrom}`);
      }
      const version: PlanVersion = { planId, version: (latest?.version ?? 0) + 1, validFrom, terms, createdAt: now };
      await plans.insertVersion(version);
      return { planId, versions: [version, ...versions.reverse()] };
    });
  }

  /** A page of plans in id order. Staff. */
  async list(caller: Caller, afterId: string | null, pageSize: number): Promise<{ plans: PlanWithVersions[]; nextAfter: string | null }> {
    requireRole(caller, ['admin', 'agent', 'integration'], 'BillingService/ListPlans');
    const plans = new PlansRepository(this.dataSource.manager);
    const ids = await plans.planIds(afterId, pageSize + 1);
    const page = ids.slice(0, pageSize);
    const versions = await plans.versionsOf(page);
    return {
      plans: page.map((planId) => ({ planId, versions: versions.filter((v) => v.planId === planId).reverse() })),
      nextAfter: ids.length > pageSize ? (page[page.length - 1] ?? null) : null,
    };
  }
}

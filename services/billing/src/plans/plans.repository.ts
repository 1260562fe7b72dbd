import type { EntityManager } from 'typeorm';
import { planTermsSchema, type PlanVersion } from './plan';

interface VersionRow {
  plan_id: string;
  version: number;
  valid_from: string;
  terms: unknown;
  created_at: Date;
}

const COLUMNS = `plan_id, version, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, terms, created_at`;

/** Billing plans and their versions. */
export class PlansRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts a new plan; false when the id exists. */
  async insertPlan(planId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`INSERT INTO billing_plans (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`, [planId, now]);
    return rows.length > 0;
  }

  /** Locks the plan row (so versions are appended one at a time); false when unknown. */
  async lockPlan(planId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT id FROM billing_plans WHERE id = $1 FOR UPDATE`, [planId]);
    return rows.length > 0;
  }

  async insertVersion(v: PlanVersion): Promise<void> {
    await this.manager.query(`INSERT INTO billing_plan_versions (plan_id, version, valid_from, terms, created_at) VALUES ($1, $2, $3, $4, $5)`, [v.planId, v.version, v.validFrom, JSON.stringify(v.terms), v.createdAt]);
  }

  /** Versions of the given plans, oldest first per plan. */
  async versionsOf(planIds: readonly string[]): Promise<PlanVersion[]> {
    if (planIds.length === 0) return [];
    const rows: VersionRow[] = await this.manager.query(`SELECT ${COLUMNS} FROM billing_plan_versions WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id, version`, [planIds]);
    return rows.map(toVersion);
  }

  /** A page of plan ids after `afterId`, in id order. */
  async planIds(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM billing_plans WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`, [afterId, limit]);
    return rows.map((r) => r.id);
  }

  async count(): Promise<number> {
    const rows: { n: number }[] = await this.manager.query(`SELECT count(*)::int AS n FROM billing_plans`);
    return rows[0]?.n ?? 0;
  }
}

function toVersion(r: VersionRow): PlanVersion {
  return { planId: r.plan_id, version: r.version, validFrom: r.valid_from, terms: planTermsSchema.parse(r.terms), createdAt: r.created_at };
}

/** Versions grouped by plan id. */
export function byPlan(versions: readonly PlanVersion[]): Map<string, PlanVersion[]> {
  const map = new Map<string, PlanVersion[]>();
  for (const v of versions) map.set(v.planId, [...(map.get(v.planId) ?? []), v]);
  return map;
}

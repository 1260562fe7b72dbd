import type { EntityManager } from 'typeorm';
import type { Policy, PolicySettings } from './policy';

interface PolicyRow {
  id: string;
  version: number;
  settings: PolicySettings;
  updated_at: Date;
}

const policyOf = (row: PolicyRow): Policy => ({ id: row.id, version: row.version, settings: row.settings, updatedAt: row.updated_at });

/** SLA policies; settings are stored as one JSON document. */
export class PoliciesRepository {
  async find(manager: EntityManager, id: string, lock = false): Promise<Policy | undefined> {
    const rows = (await manager.query(`SELECT id, version, settings, updated_at FROM sla_policies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as PolicyRow[];
    return rows[0] ? policyOf(rows[0]) : undefined;
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<Policy[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`SELECT id, version, settings, updated_at FROM sla_policies WHERE id = ANY($1::uuid[])`, [ids])) as PolicyRow[];
    return rows.map(policyOf);
  }

  /** Policies ordered by name then id, after the cursor `(name, id)`. */
  async page(manager: EntityManager, after: { name: string; id: string } | null, limit: number): Promise<Policy[]> {
    const rows = (await manager.query(
      `SELECT id, version, settings, updated_at FROM sla_policies
       WHERE $1::text IS NULL OR (name, id) > ($1::text, $2::uuid) ORDER BY name, id LIMIT $3`,
      [after?.name ?? null, after?.id ?? null, limit],
    )) as PolicyRow[];
    return rows.map(policyOf);
  }

  async insert(manager: EntityManager, policy: Policy): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO sla_policies (id, name, version, calendar_id, settings, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [policy.id, policy.settings.name, policy.version, policy.settings.calendarId, JSON.stringify(policy.settings), policy.updatedAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async update(manager: EntityManager, policy: Policy): Promise<void> {
    await manager.query(`UPDATE sla_policies SET name = $2, version = $3, calendar_id = $4, settings = $5, updated_at = $6 WHERE id = $1`, [
      policy.id,
      policy.settings.name,
      policy.version,
      policy.settings.calendarId,
      JSON.stringify(policy.settings),
      policy.updatedAt,
    ]);
  }
}

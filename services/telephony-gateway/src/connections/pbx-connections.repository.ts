import type { EntityManager } from 'typeorm';
import type { AmiSettings, PbxConnection, PbxConnectionKind } from './pbx-connection';

interface ConnectionRow {
  id: string;
  name: string;
  kind: PbxConnectionKind;
  enabled: boolean;
  token_hash: string | null;
  ami: AmiSettings | null;
  created_at: Date;
}

const COLUMNS = 'id, name, kind, enabled, token_hash, ami, created_at';

/** PBX connections (admin configuration). */
export class PbxConnectionsRepository {
  async find(manager: EntityManager, id: string): Promise<PbxConnection | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM pbx_connections WHERE id = $1`, [id])) as ConnectionRow[];
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Inserts a connection; false when the name is taken. */
  async insert(manager: EntityManager, connection: PbxConnection): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO pbx_connections (id, name, kind, enabled, token_hash, ami, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [connection.id, connection.name, connection.kind, connection.enabled, connection.tokenHash, connection.ami, connection.createdAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async setEnabled(manager: EntityManager, id: string, enabled: boolean, now: Date): Promise<PbxConnection | undefined> {
    // Wrapped in a CTE so the driver returns the rows like a SELECT.
    const rows = (await manager.query(`WITH changed AS (UPDATE pbx_connections SET enabled = $2, updated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`, [
      id,
      enabled,
      now,
    ])) as ConnectionRow[];
    const row = rows[0];
    return row ? fromRow(row) : undefined;
  }

  /** Connections by name, `limit` after `afterName`. */
  async list(manager: EntityManager, afterName: string | null, limit: number): Promise<PbxConnection[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM pbx_connections WHERE $1::text IS NULL OR name > $1 ORDER BY name LIMIT $2`, [afterName, limit])) as ConnectionRow[];
    return rows.map(fromRow);
  }

  /** Enabled AMI connections, which some replica must keep logged in. */
  async enabledAmi(manager: EntityManager): Promise<PbxConnection[]> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM pbx_connections WHERE kind = 'ami' AND enabled ORDER BY name`)) as ConnectionRow[];
    return rows.map(fromRow);
  }

  async count(manager: EntityManager): Promise<number> {
    const rows = (await manager.query(`SELECT count(*)::int AS n FROM pbx_connections`)) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}

function fromRow(row: ConnectionRow): PbxConnection {
  return { id: row.id, name: row.name, kind: row.kind, enabled: row.enabled, tokenHash: row.token_hash, ami: row.ami, createdAt: row.created_at };
}

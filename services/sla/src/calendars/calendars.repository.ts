import type { EntityManager } from 'typeorm';
import type { Calendar, CalendarSettings } from './calendar';

interface CalendarRow {
  id: string;
  version: number;
  settings: CalendarSettings;
  updated_at: Date;
}

const calendarOf = (row: CalendarRow): Calendar => ({ id: row.id, version: row.version, settings: row.settings, updatedAt: row.updated_at });

/** Business-hour calendars; settings are stored as one JSON document. */
export class CalendarsRepository {
  async find(manager: EntityManager, id: string, lock = false): Promise<Calendar | undefined> {
    const rows = (await manager.query(`SELECT id, version, settings, updated_at FROM sla_calendars WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as CalendarRow[];
    return rows[0] ? calendarOf(rows[0]) : undefined;
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<Calendar[]> {
    if (ids.length === 0) return [];
    const rows = (await manager.query(`SELECT id, version, settings, updated_at FROM sla_calendars WHERE id = ANY($1::uuid[])`, [ids])) as CalendarRow[];
    return rows.map(calendarOf);
  }

  async page(manager: EntityManager, after: { name: string; id: string } | null, limit: number): Promise<Calendar[]> {
    const rows = (await manager.query(
      `SELECT id, version, settings, updated_at FROM sla_calendars
       WHERE $1::text IS NULL OR (name, id) > ($1::text, $2::uuid) ORDER BY name, id LIMIT $3`,
      [after?.name ?? null, after?.id ?? null, limit],
    )) as CalendarRow[];
    return rows.map(calendarOf);
  }

  async insert(manager: EntityManager, calendar: Calendar): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO sla_calendars (id, name, version, settings, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [calendar.id, calendar.settings.name, calendar.version, JSON.stringify(calendar.settings), calendar.updatedAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async update(manager: EntityManager, calendar: Calendar): Promise<void> {
    await manager.query(`UPDATE sla_calendars SET name = $2, version = $3, settings = $4, updated_at = $5 WHERE id = $1`, [
      calendar.id,
      calendar.settings.name,
      calendar.version,
      JSON.stringify(calendar.settings),
      calendar.updatedAt,
    ]);
  }
}

import type { Actor } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../history/canonical-json';
import { TicketError, type TicketErrorCode } from '../tickets/ticket.errors';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageRequest } from './directory-page';
import type { DirectoryRecord, ExternalRef, UpsertKey } from './directory-record';
import { isUuid } from '../shared/uuid';

export { isUuid };

/** A SQL condition list with its values; conditions use $1… in the order of `values`. */
export interface Conditions {
  readonly where: readonly string[];
  readonly values: readonly unknown[];
}

/** Collects AND-ed conditions for a list query, numbering the parameters. */
export class ConditionList implements Conditions {
  readonly where: string[] = [];
  readonly values: unknown[] = [];

  /** Adds `sql(param)`, where `param` is the placeholder of `value`. */
  add(sql: (param: string) => string, value: unknown): this {
    this.values.push(value);
    this.where.push(sql(`$${this.values.length}`));
    return this;
  }

  /** Adds a condition without parameters. */
  raw(sql: string): this {
    this.where.push(sql);
    return this;
  }
}

/** A row as the pg driver returns it: the columns every directory table has, plus its own. */
export interface RecordRow {
  readonly id: string;
  readonly version: number;
  readonly external_system: string | null;
  readonly external_id: string | null;
  readonly active: boolean;
  readonly created_at: Date;
  readonly created_by: Actor;
  readonly updated_at: Date;
  readonly updated_by: Actor;
  readonly [column: string]: unknown;
}

/** How one entity is stored: table, its own columns and how they map to the domain data. */
export interface TableSpec<D extends JsonObject> {
  readonly table: string;
  /** Singular, for messages: `customer 0193… not found`. */
  readonly entity: string;
  readonly notFound: TicketErrorCode;
  /** The select list of the entity's own columns (dates as `::text`, so no time zone touches them). */
  readonly dataColumns: string;
  dataFromRow(row: RecordRow): D;
  /** Column → value for writes; jsonb values as JSON text (pg would write arrays as SQL arrays). */
  dataValues(data: D): Readonly<Record<string, unknown>>;
  /** Unique constraint → the request field it guards, for DIRECTORY_KEY_TAKEN. */
  readonly uniqueFields: Readonly<Record<string, string>>;
}

const META_COLUMNS = 'id, version, external_system, external_id, active, created_at, created_by, updated_at, updated_by';


/**
 * Queries shared by the directory tables: load by a condition, lock a record for an upsert,
 * insert and update with the version check. The entity repositories put their own conditions
 * (and the caller's scope) around these.
 */
export class DirectoryTable<D extends JsonObject> {
  constructor(readonly spec: TableSpec<D>) {}

  /** The select list of every column, for repository queries of their own. */
  get columns(): string {
    return `${META_COLUMNS}, ${this.spec.dataColumns}`;
  }

  /** Rows matching `where` (a SQL condition with $n placeholders), in `tail` order/limit. */
  async many(manager: EntityManager, where: string, values: readonly unknown[], tail = ''): Promise<DirectoryRecord<D>[]> {
    const rows = (await manager.query(`SELECT ${this.columns} FROM ${this.spec.table} WHERE ${where} ${tail}`, [...values])) as RecordRow[];
    return rows.map((row) => this.fromRow(row));
  }

  /** The one row matching `where`, optionally locked for the rest of the transaction. */
  async one(manager: EntityManager, where: string, values: readonly unknown[], lock = false): Promise<DirectoryRecord<D> | undefined> {
    const [record] = await this.many(manager, where, values, lock ? 'FOR UPDATE' : 'LIMIT 1');
    return record;
  }

  /** The record with this id, or the entity's NOT_FOUND error (also for a malformed id). */
  async require(manager: EntityManager, id: string, extraWhere = '', extraValues: readonly unknown[] = []): Promise<DirectoryRecord<D>> {
    const record = isUuid(id) ? await this.one(manager, `id = $1 ${extraWhere}`, [id, ...extraValues]) : undefined;
    if (!record) throw this.notFound(id);
    return record;
  }

  /**
   * One page of the records matching `conditions`, ordered by the text expression `sort` and
   * then id (keyset paging: stable while records are added or change). `selection` is what the
   * client filtered by; a page token only works with the same selection.
   */
  async page(manager: EntityManager, conditions: Conditions, sort: string, selection: JsonObject, page: PageRequest): Promise<Page<DirectoryRecord<D>>> {
    const size = pageSize(page.size);
    const cursor = decodeCursor(selection, page.token, 2);
    const where = [...conditions.where];
    const values = [...conditions.values];
    if (cursor) {
      values.push(cursor[0], cursor[1]);
      where.push(`((${sort}), id) > ($${values.length - 1}, $${values.length}::uuid)`);
    }
    values.push(size + 1);
    const rows = (await manager.query(
      `SELECT ${this.columns}, (${sort}) AS sort_key FROM ${this.spec.table}
        WHERE ${where.length > 0 ? where.join(' AND ') : 'true'} ORDER BY (${sort}), id LIMIT $${values.length}`,
      values,
    )) as (RecordRow & { sort_key: string })[];
    const items = rows.slice(0, size);
    const last = items.at(-1);
    return { items: items.map((row) => this.fromRow(row)), nextToken: rows.length > size && last ? encodeCursor(selection, [last.sort_key, last.id]) : '' };
  }

  /** The entity's NOT_FOUND error for a key. */
  notFound(key: string): TicketError {
    return new TicketError(this.spec.notFound, `${this.spec.entity} ${key} not found`);
  }

  /**
   * The stored record an upsert changes, locked: by id (NOT_FOUND when missing) or by external
   * ref (undefined when new). Upserts of one external ref queue on a transaction-scoped advisory
   * lock first, so two sync runs creating the same record at once make one record, not a
   * unique violation.
   */
  async forUpsert(manager: EntityManager, key: UpsertKey): Promise<DirectoryRecord<D> | undefined> {
    if (key.kind === 'new') return undefined;
    if (key.kind === 'id') {
      const record = isUuid(key.id) ? await this.one(manager, 'id = $1', [key.id], true) : undefined;
      if (!record) throw this.notFound(key.id);
      return record;
    }
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${this.spec.table}:${key.ref.system}:${key.ref.id}`]);
    return this.one(manager, 'external_system = $1 AND external_id = $2', [key.ref.system, key.ref.id], true);
  }

  async insert(manager: EntityManager, record: DirectoryRecord<D>): Promise<void> {
    const columns = { ...this.metaValues(record), created_at: record.createdAt, created_by: JSON.stringify(record.createdBy), ...this.spec.dataValues(record.data) };
    const names = Object.keys(columns);
    await this.guard(() =>
      manager.query(`INSERT INTO ${this.spec.table} (id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')})`, [record.id, ...Object.values(columns)]),
    );
  }

  /** Writes the next version; the row must still be at `previousVersion` (it is, under the upsert's row lock). */
  async update(manager: EntityManager, record: DirectoryRecord<D>, previousVersion: number): Promise<void> {
    const columns = { ...this.metaValues(record), ...this.spec.dataValues(record.data) };
    const names = Object.keys(columns);
    const values = [record.id, previousVersion, ...Object.values(columns)];
    const [, affected] = (await this.guard(() =>
      manager.query(`UPDATE ${this.spec.table} SET ${names.map((n, i) => `${n} = $${i + 3}`).join(', ')} WHERE id = $1 AND version = $2`, values),
    )) as [unknown, number];
    if (affected !== 1) throw new TicketError('VERSION_CONFLICT', `${this.spec.entity} ${record.id} changed meanwhile; reload it and try again`);
  }

  private metaValues(record: DirectoryRecord<D>): Record<string, unknown> {
    return {
      version: record.version,
      external_system: record.externalRef?.system ?? null,
      external_id: record.externalRef?.id ?? null,
      active: record.active,
      updated_at: record.updatedAt,
      updated_by: JSON.stringify(record.updatedBy),
    };
  }

  private fromRow(row: RecordRow): DirectoryRecord<D> {
    const externalRef: ExternalRef | null = row.external_system && row.external_id ? { system: row.external_system, id: row.external_id } : null;
    return {
      id: row.id,
      version: row.version,
      data: this.spec.dataFromRow(row),
      externalRef,
      active: row.active,
      createdAt: row.created_at,
      createdBy: row.created_by,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  /** Turns a unique violation into DIRECTORY_KEY_TAKEN naming the field. */
  private async guard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === undefined) throw error;
      const field = this.spec.uniqueFields[constraint] ?? 'externalId';
      throw new TicketError('DIRECTORY_KEY_TAKEN', `${field}: another ${this.spec.entity} has this value already`, { field, cause: error });
    }
  }
}

/** The constraint a PostgreSQL unique violation (23505) names; undefined for other errors. */
function uniqueViolation(error: unknown): string | undefined {
  const driverError: unknown = typeof error === 'object' && error !== null && 'driverError' in error ? error.driverError : error;
  if (typeof driverError !== 'object' || driverError === null) return undefined;
  const { code, constraint } = driverError as { code?: unknown; constraint?: unknown };
  return code === '23505' && typeof constraint === 'string' ? constraint : undefined;
}

/** A LIKE pattern matching `text` anywhere, with its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

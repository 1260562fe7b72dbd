import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import type { BillingApp } from './billing-app';

/** Runs a read query on the service's own database (test inspection only). */
export function query<T>(app: BillingApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return app.service.app.get<DataSource>(DATA_SOURCE).query(sql, params);
}

/** Number of items of a customer, and of those voided. */
export async function itemCounts(app: BillingApp, customerId: string): Promise<{ items: number; voided: number }> {
  const [row] = await query<{ items: number; voided: number }>(app, `SELECT count(*)::int AS items, count(voided_at)::int AS voided FROM billable_items WHERE customer_id = $1`, [customerId]);
  return row ?? { items: 0, voided: 0 };
}

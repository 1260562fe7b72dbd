import type { EntityManager } from 'typeorm';

/** A prepaid package with its use so far. */
export interface PrepaidPackage {
  readonly id: string;
  readonly customerId: string;
  readonly minutes: number;
  readonly purchasedOn: string;
  readonly usedMinutes: number;
}

/** Prepaid hour packages and how much of them issued lines used. */
export class PrepaidPackagesRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Inserts a package; false when the id exists. */
  async insert(id: string, customerId: string, minutes: number, purchasedOn: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO billing_prepaid_packages (id, customer_id, minutes, purchased_on, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [id, customerId, minutes, purchasedOn, now],
    );
    return rows.length > 0;
  }

  /** Those of the customers who bought a package. */
  async customersWithPackages(customerIds: readonly string[]): Promise<string[]> {
    if (customerIds.length === 0) return [];
    const rows: { customer_id: string }[] = await this.manager.query(`SELECT DISTINCT customer_id FROM billing_prepaid_packages WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    return rows.map((r) => r.customer_id);
  }

  /**
   * The customers' packages oldest first, with the minutes
   * used on issued lines plus `pending` minutes per customer spread over them in that order (a
   * pool that depletes oldest first).
   */
  async ofCustomers(customerIds: readonly string[], pending: ReadonlyMap<string, number> = new Map()): Promise<Map<string, PrepaidPackage[]>> {
    if (customerIds.length === 0) return new Map();
    const packages: { id: string; customer_id: string; minutes: number; purchased_on: string }[] = await this.manager.query(
      `SELECT id, customer_id, minutes, to_char(purchased_on, 'YYYY-MM-DD') AS purchased_on FROM billing_prepaid_packages
       WHERE customer_id = ANY($1::uuid[]) ORDER BY purchased_on, created_at, id`,
      [customerIds],
    );
    if (packages.length === 0) return new Map();
    const used: { customer_id: string; used: number }[] = await this.manager.query(
      `SELECT customer_id, sum(package_minutes)::int AS used FROM billing_lines WHERE package_minutes <> 0 AND customer_id = ANY($1::uuid[]) GROUP BY customer_id`,
      [[...new Set(packages.map((p) => p.customer_id))]],
    );
    const usedBy = new Map(used.map((u) => [u.customer_id, u.used + (pending.get(u.customer_id) ?? 0)]));
    for (const [customerId, minutes] of pending) if (!usedBy.has(customerId)) usedBy.set(customerId, minutes);
    const out = new Map<string, PrepaidPackage[]>();
    for (const p of packages) {
      const left = usedBy.get(p.customer_id) ?? 0;
      const usedMinutes = Math.min(p.minutes, left);
      usedBy.set(p.customer_id, left - usedMinutes);
      out.set(p.customer_id, [...(out.get(p.customer_id) ?? []), { id: p.id, customerId: p.customer_id, minutes: p.minutes, purchasedOn: p.purchased_on, usedMinutes }]);
    }
    return out;
  }
}

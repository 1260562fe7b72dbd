import type { AgentUpsertedV1, ContractUpsertedV1, CustomerUpsertedV1 } from '@helpdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { BillingContract } from './billing-contract';

interface ContractRow {
  id: string;
  customer_id: string;
  plan_id: string | null;
  free_support: boolean;
  quota_ref: string | null;
  valid_from: string;
  valid_until: string | null;
  active: boolean;
}

const CONTRACT_COLUMNS = `id, customer_id, plan_id, free_support, quota_ref, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, active`;

/** Billing's read models of the directory: contracts, customers, agents ("apply if newer"). */
export class DirectoryRepository {
  constructor(private readonly manager: EntityManager) {}

  async upsertContract(c: ContractUpsertedV1): Promise<void> {
    await this.manager.query(
      `INSERT INTO billing_contracts (id, customer_id, plan_id, free_support, quota_ref, valid_from, valid_until, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, plan_id = EXCLUDED.plan_id, free_support = EXCLUDED.free_support,
         quota_ref = EXCLUDED.quota_ref, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, active = EXCLUDED.active, version = EXCLUDED.version
       WHERE billing_contracts.version < EXCLUDED.version`,
      [c.contractId, c.customerId, c.billingPlanId, c.freeSupport, c.quotaRef, c.validFrom, c.validUntil, c.active, c.version],
    );
  }

  async upsertCustomer(c: CustomerUpsertedV1): Promise<void> {
    await this.manager.query(
      `INSERT INTO billing_customers (id, customer_number, name, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET customer_number = EXCLUDED.customer_number, name = EXCLUDED.name, version = EXCLUDED.version
       WHERE billing_customers.version < EXCLUDED.version`,
      [c.customerId, c.customerNumber, c.legalName ?? c.name, c.version],
    );
  }

  async upsertAgent(a: AgentUpsertedV1): Promise<void> {
    await this.manager.query(
      `INSERT INTO billing_agents (id, display_name, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, version = EXCLUDED.version
       WHERE billing_agents.version < EXCLUDED.version`,
      [a.agentId, a.displayName, a.version],
    );
  }

  /** Every contract of the given customers. */
  async contractsOf(customerIds: readonly string[]): Promise<BillingContract[]> {
    if (customerIds.length === 0) return [];
    const rows: ContractRow[] = await this.manager.query(`SELECT ${CONTRACT_COLUMNS} FROM billing_contracts WHERE customer_id = ANY($1::uuid[])`, [customerIds]);
    return rows.map(toContract);
  }

  /** Display name and number of a customer; null when billing has not heard of it. */
  async customer(customerId: string): Promise<{ name: string; number: string } | null> {
    const rows: { name: string; customer_number: string }[] = await this.manager.query(`SELECT name, customer_number FROM billing_customers WHERE id = $1`, [customerId]);
    const row = rows[0];
    return row ? { name: row.name, number: row.customer_number } : null;
  }

  /** Display names of agents by id. */
  async agentNames(agentIds: readonly string[]): Promise<Map<string, string>> {
    if (agentIds.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.manager.query(`SELECT id, display_name FROM billing_agents WHERE id = ANY($1::uuid[])`, [agentIds]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}

function toContract(r: ContractRow): BillingContract {
  return { id: r.id, customerId: r.customer_id, planId: r.plan_id, freeSupport: r.free_support, quotaRef: r.quota_ref, validFrom: r.valid_from, validUntil: r.valid_until, active: r.active };
}

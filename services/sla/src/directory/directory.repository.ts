import type { EntityManager } from 'typeorm';

/**
 * What the SLA service keeps of the directory: which policy a contract names, and who agents,
 * queue leads and account managers are (escalation recipients). Each upsert applies only when
 * its version is newer than the stored one, so redelivery and reordering are harmless.
 */
export class DirectoryRepository {
  async upsertContract(manager: EntityManager, c: { contractId: string; policyId: string | null; active: boolean; version: number }): Promise<void> {
    await manager.query(
      `INSERT INTO sla_contracts (contract_id, policy_id, active, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contract_id) DO UPDATE SET policy_id = EXCLUDED.policy_id, active = EXCLUDED.active, version = EXCLUDED.version
       WHERE sla_contracts.version < EXCLUDED.version`,
      [c.contractId, c.policyId, c.active, c.version],
    );
  }

  async upsertAgent(manager: EntityManager, a: { agentId: string; displayName: string; email: string; version: number }): Promise<void> {
    await manager.query(
      `INSERT INTO sla_agents (agent_id, display_name, email, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agent_id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, version = EXCLUDED.version
       WHERE sla_agents.version < EXCLUDED.version`,
      [a.agentId, a.displayName, a.email, a.version],
    );
  }

  async upsertQueue(manager: EntityManager, q: { queueId: string; leadAgentId: string | null; version: number }): Promise<void> {
    await manager.query(
      `INSERT INTO sla_queues (queue_id, lead_agent_id, version) VALUES ($1, $2, $3)
       ON CONFLICT (queue_id) DO UPDATE SET lead_agent_id = EXCLUDED.lead_agent_id, version = EXCLUDED.version
       WHERE sla_queues.version < EXCLUDED.version`,
      [q.queueId, q.leadAgentId, q.version],
    );
  }

  async upsertCustomer(manager: EntityManager, c: { customerId: string; accountManagerId: string | null; version: number }): Promise<void> {
    await manager.query(
      `INSERT INTO sla_customers (customer_id, account_manager_id, version) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET account_manager_id = EXCLUDED.account_manager_id, version = EXCLUDED.version
       WHERE sla_customers.version < EXCLUDED.version`,
      [c.customerId, c.accountManagerId, c.version],
    );
  }

  /** The policy a contract names; undefined when the contract is unknown or inactive. */
  async policyOfContract(manager: EntityManager, contractId: string): Promise<string | null | undefined> {
    const rows = (await manager.query(`SELECT policy_id FROM sla_contracts WHERE contract_id = $1 AND active`, [contractId])) as { policy_id: string | null }[];
    return rows[0] ? rows[0].policy_id : undefined;
  }

  async agent(manager: EntityManager, agentId: string): Promise<{ displayName: string; email: string } | undefined> {
    const rows = (await manager.query(`SELECT display_name, email FROM sla_agents WHERE agent_id = $1`, [agentId])) as { display_name: string; email: string }[];
    return rows[0] ? { displayName: rows[0].display_name, email: rows[0].email } : undefined;
  }

  async queueLead(manager: EntityManager, queueId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT lead_agent_id FROM sla_queues WHERE queue_id = $1`, [queueId])) as { lead_agent_id: string | null }[];
    return rows[0]?.lead_agent_id ?? null;
  }

  async accountManager(manager: EntityManager, customerId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT account_manager_id FROM sla_customers WHERE customer_id = $1`, [customerId])) as { account_manager_id: string | null }[];
    return rows[0]?.account_manager_id ?? null;
  }
}

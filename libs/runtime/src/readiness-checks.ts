import type { NatsConnection } from '@nats-io/nats-core';
import { migrationsApplied } from '@helpdesk/persistence';
import type { ReadinessCheck } from '@helpdesk/telemetry';
import type { DataSource } from 'typeorm';

/** `/readyz`: PostgreSQL answers, every migration is applied, and NATS answers a round trip. */
export function standardReadinessChecks(dataSource: DataSource, nc: NatsConnection): ReadinessCheck[] {
  return [
    { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) },
    {
      name: 'migrations',
      check: async () => {
        if (!(await migrationsApplied(dataSource))) throw new Error('pending migrations');
      },
    },
    { name: 'nats', check: async () => void (await nc.rtt()) },
  ];
}

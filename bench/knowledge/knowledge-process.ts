import { signTestJwt, type TestDatabase } from '@helpdesk/testing';
import { Client as PgClient } from 'pg';
import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/** Service processes the benchmark starts. */
export const KNOWLEDGE_REPLICAS = Number(process.env['BENCH_KNOWLEDGE_REPLICAS'] ?? 1);

/** The knowledge service as production runs it (see `support/service-process.ts`), with tokens it accepts. */
export interface KnowledgeProcess extends ServiceProcess {
  readonly tokens: { readonly agent: string; readonly customer: string };
}

/** `nx run @helpdesk/knowledge:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` skips it. */
export function buildKnowledgeService(): Promise<void> {
  return buildService('knowledge');
}

/** Where the service's database comes from. */
export interface KnowledgeBase {
  /** Start from a copy of this database (a seeded base kept by an earlier run) instead of an empty one. */
  readonly template?: string;
  /** Leave the database in place when the service stops. */
  readonly keepDatabase?: boolean;
}

/** Replaces the fresh, still unused database `db` with a file copy of `template`. */
async function copyDatabase(template: string, db: TestDatabase): Promise<void> {
  const admin = new URL(db.url);
  admin.pathname = '/postgres';
  const pg = new PgClient({ connectionString: admin.toString() });
  await pg.connect();
  try {
    const startedAt = Date.now();
    await pg.query(`DROP DATABASE "${db.name}"`);
    await pg.query(`CREATE DATABASE "${db.name}" TEMPLATE "${template}" STRATEGY file_copy`);
    console.log(`  copied the seeded base ${template} in ${((Date.now() - startedAt) / 1_000).toFixed(0)} s`);
  } finally {
    await pg.end();
  }
}

/**
 * Starts the service (its warnings show in the benchmark's output) and resolves once gRPC health
 * answers SERVING. `BENCH_KNOWLEDGE_NODE_ARGS` passes node flags, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/knowledge-prof` for a CPU profile written when it stops;
 * `BENCH_KNOWLEDGE_REPLICAS` (default 1) starts that many processes on the one database, sharing
 * the durable consumers (part (a) spreads its calls over all of them).
 */
export async function startKnowledgeProcess(label: string, env: Record<string, string> = {}, base: KnowledgeBase = {}): Promise<KnowledgeProcess> {
  const { template } = base;
  const service = await startServiceProcess({
    service: 'knowledge',
    label,
    env,
    replicas: KNOWLEDGE_REPLICAS,
    stdout: 'inherit',
    stderr: 'inherit',
    nodeArgsEnv: 'BENCH_KNOWLEDGE_NODE_ARGS',
    keepDatabase: base.keepDatabase ?? false,
    ...(template ? { beforeStart: (db: TestDatabase) => copyDatabase(template, db) } : {}),
  });
  return {
    ...service,
    tokens: {
      agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
      customer: await signTestJwt({ sub: 'contact-bench', roles: ['customer'], customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' }),
    },
  };
}

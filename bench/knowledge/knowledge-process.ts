import { signTestJwt } from '@helpdesk/testing';
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

/**
 * Starts the service (its warnings show in the benchmark's output) and resolves once gRPC health
 * answers SERVING. `BENCH_KNOWLEDGE_NODE_ARGS` passes node flags, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/knowledge-prof` for a CPU profile written when it stops;
 * `BENCH_KNOWLEDGE_REPLICAS` (default 1) starts that many processes on the one database, sharing
 * the durable consumers (gRPC calls go to the first).
 */
export async function startKnowledgeProcess(label: string, env: Record<string, string> = {}): Promise<KnowledgeProcess> {
  const service = await startServiceProcess({
    service: 'knowledge',
    label,
    env,
    replicas: KNOWLEDGE_REPLICAS,
    stdout: 'inherit',
    stderr: 'inherit',
    nodeArgsEnv: 'BENCH_KNOWLEDGE_NODE_ARGS',
  });
  return {
    ...service,
    tokens: {
      agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
      customer: await signTestJwt({ sub: 'contact-bench', roles: ['customer'], customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' }),
    },
  };
}

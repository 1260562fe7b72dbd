import { signTestJwt } from '@helpdesk/testing';
import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/** The knowledge service as production runs it (see `support/service-process.ts`), with tokens it accepts. */
export interface KnowledgeProcess extends ServiceProcess {
  readonly tokens: { readonly agent: string; readonly customer: string };
}

/** `nx run @helpdesk/knowledge:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` skips it. */
export function buildKnowledgeService(): Promise<void> {
  return buildService('knowledge');
}

/** Starts the service (its warnings show in the benchmark's output) and resolves once gRPC health answers SERVING. */
export async function startKnowledgeProcess(label: string, env: Record<string, string> = {}): Promise<KnowledgeProcess> {
  const service = await startServiceProcess({ service: 'knowledge', label, env, stdout: 'inherit', stderr: 'inherit' });
  return {
    ...service,
    tokens: {
      agent: await signTestJwt({ sub: '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01', roles: ['agent'] }),
      customer: await signTestJwt({ sub: 'contact-bench', roles: ['customer'], customerId: '01936a00-1111-7aaa-8bbb-000000000001', contactId: '01936a00-2222-7aaa-8bbb-000000000002' }),
    },
  };
}

import { signTestJwt } from '@helpdesk/testing';
import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/**
 * The ticket service as production runs it (see `support/service-process.ts`). The load generator
 * stays in the benchmark process and reaches it only over gRPC, NATS and (for seeding) PostgreSQL.
 */
export interface TicketProcess extends ServiceProcess {
  /** Tokens signed with the secret the process verifies. */
  readonly tokens: { readonly agent: string; readonly integration: string };
  customerToken(customerId: string, contactId: string): Promise<string>;
}

/** What the ticket service's ConfigMap and `npm start` give it: a 64 MiB young generation. */
const TICKET_NODE_OPTIONS = '--max-semi-space-size=64';
const BENCH_AGENT_ID = '01890f0e-8c5a-7cc1-9a3e-3f2b6c7d8e01';

/** `nx run @helpdesk/ticket:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` uses the existing `dist/`. */
export function buildTicketService(): Promise<void> {
  return buildService('ticket');
}

/**
 * Starts `node services/ticket/dist/main.js` (with the deployed `NODE_OPTIONS`) and resolves once gRPC health answers SERVING.
 * `BENCH_TICKET_NODE_ARGS` adds node flags (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
export async function startTicketProcess(label: string, env: Record<string, string> = {}): Promise<TicketProcess> {
  // HTTP_PORT: the ops endpoint, whose /metrics the create benchmark reads for the service-side timings.
  // NODE_OPTIONS as deployed (deploy/src/platform.ts); a flag in BENCH_TICKET_NODE_ARGS overrides it
  // (`--max-semi-space-size=16` for V8's default young generation).
  const service = await startServiceProcess({
    service: 'ticket',
    label,
    env: { NODE_OPTIONS: TICKET_NODE_OPTIONS, ...env },
    nodeArgsEnv: 'BENCH_TICKET_NODE_ARGS',
    ports: ['HTTP_PORT'],
  });
  return {
    ...service,
    tokens: {
      agent: await signTestJwt({ sub: BENCH_AGENT_ID, roles: ['agent'] }),
      integration: await signTestJwt({ sub: 'bench-load', roles: ['integration'] }),
    },
    customerToken: (customerId, contactId) => signTestJwt({ sub: `contact-${contactId}`, roles: ['customer'], customerId, contactId }),
  };
}

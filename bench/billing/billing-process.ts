import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/** The built billing service (`services/billing/dist/main.js`) in its own process, on a fresh database and subject prefix. */
export type BillingProcess = ServiceProcess;

/** `npx nx run @helpdesk/billing:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` uses the existing `dist/`. */
export function buildBillingService(): Promise<void> {
  return buildService('billing');
}

/** Starts the service and resolves once gRPC health answers SERVING; its errors show in the benchmark's output. `BENCH_BILLING_NODE_ARGS` passes node flags (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`); `BENCH_BILLING_STDOUT=inherit` shows the service's log at level info (e.g. the run's phase times). */
export function startBillingProcess(label: string): Promise<BillingProcess> {
  const showLog = process.env['BENCH_BILLING_STDOUT'] === 'inherit';
  return startServiceProcess({ service: 'billing', label, stdout: showLog ? 'inherit' : 'tail', stderr: 'inherit', ...(showLog ? { env: { LOG_LEVEL: 'info' } } : {}), nodeArgsEnv: 'BENCH_BILLING_NODE_ARGS' });
}

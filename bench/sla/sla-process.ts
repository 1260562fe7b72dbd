import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/** Replicas of the built SLA service (`services/sla/dist/main.js`) on one fresh database and subject prefix. */
export interface SlaProcesses extends ServiceProcess {
  readonly grpcAddresses: readonly string[];
}

/** `npx nx run @helpdesk/sla:build` (cached when nothing changed); `BENCH_SKIP_BUILD=1` uses the existing `dist/`. */
export function buildSlaService(): Promise<void> {
  return buildService('sla');
}

/** Starts `replicas` processes on one database (the first migrates) and resolves once all serve; their warnings show in the benchmark's output. */
export async function startSlaProcesses(label: string, replicas: number): Promise<SlaProcesses> {
  const service = await startServiceProcess({ service: 'sla', label, replicas, stdout: 'inherit', stderr: 'inherit' });
  return { ...service, grpcAddresses: service.replicas.map((r) => r.grpcAddress) };
}

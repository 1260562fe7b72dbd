import { buildService, startServiceProcess, type ServiceProcess } from '../support/service-process';

/**
 * The telephony gateway as production runs it (see `support/service-process.ts`); ready when
 * `/readyz` answers 200 on its HTTP port.
 */
export interface GatewayProcess extends ServiceProcess {
  readonly httpBase: string;
}

/** `npx nx run @helpdesk/telephony-gateway:build` unless `BENCH_SKIP_BUILD=1`. */
export function buildGateway(): Promise<void> {
  return buildService('telephony-gateway');
}

/** Starts the gateway (log level error); `BENCH_TELEPHONY_NODE_ARGS` adds node flags, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
export async function startGatewayProcess(label: string): Promise<GatewayProcess> {
  const service = await startServiceProcess({
    service: 'telephony-gateway',
    label,
    ports: ['HTTP_PORT'],
    env: { LOG_LEVEL: 'error' },
    ready: { httpPath: '/readyz' },
    nodeArgsEnv: 'BENCH_TELEPHONY_NODE_ARGS',
    stdout: 'ignore',
  });
  return { ...service, httpBase: `http://127.0.0.1:${service.port('HTTP_PORT')}` };
}

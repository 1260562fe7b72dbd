import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestDatabase } from '@helpdesk/testing';
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

/**
 * Starts the gateway (log level error); `BENCH_TELEPHONY_NODE_ARGS` adds node flags, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`. `seed` fills the migrated database before the gateway
 * starts, so the gateway loads it as a restarted production replica would.
 */
export async function startGatewayProcess(label: string, seed: (db: TestDatabase) => Promise<void>): Promise<GatewayProcess> {
  const service = await startServiceProcess({
    beforeStart: async (db) => {
      await promisify(execFile)(process.execPath, ['services/telephony-gateway/dist/main.js', 'migrate'], {
        cwd: resolve(__dirname, '..', '..'),
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'error' },
      });
      await seed(db);
    },
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

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../test/eventually';
import { startOtlpCollector } from '../test/otlp-collector';

const run = promisify(execFile);
const libRoot = join(__dirname, '..');

describe('the preload (src/register.ts) in a real Node process', () => {
  it('starts telemetry from the environment and exports spans as POST <endpoint>/v1/traces', async () => {
    const collector = await startOtlpCollector();
    try {
      const { stdout } = await run(
        process.execPath,
        [
          '--conditions=@helpdesk/source',
          '--require',
          'tsx/cjs',
          '--require',
          './src/register.ts',
          './test/fixtures/emit-span.ts',
        ],
        {
          cwd: libRoot,
          timeout: 20_000,
          env: {
            PATH: process.env.PATH,
            OTEL_SERVICE_NAME: 'register-test',
            OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
          },
        },
      );
      const emitted = JSON.parse(stdout) as { serviceName: string; traceId: string };
      expect(emitted.serviceName).toBe('register-test');

      const request = await eventually(() => {
        const found = collector.received.find((r) => r.url === '/v1/traces');
        if (!found) throw new Error('no OTLP request yet');
        return found;
      });
      expect(request.method).toBe('POST');
      expect(request.contentType).toBe('application/json');
      expect(request.body).toContain('exported-span');
      expect(request.body).toContain('register-test');
      expect(request.body).toContain(emitted.traceId);
    } finally {
      await collector.close();
    }
  });

  it('stops with exit code 78 and one line naming OTEL_SERVICE_NAME when it is missing', async () => {
    const failed = run(process.execPath, ['--conditions=@helpdesk/source', '--require', 'tsx/cjs', '--require', './src/register.ts', '-e', ''], {
      cwd: libRoot,
      timeout: 20_000,
      env: { PATH: process.env.PATH },
    });
    await expect(failed).rejects.toMatchObject({
      code: 78,
      stderr: 'config: OTEL_SERVICE_NAME must be set to the service name (e.g. ticket) (got nothing)\n',
    });
  });
});

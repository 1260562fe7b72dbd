import { runReadinessChecks } from './readiness';

describe('runReadinessChecks', () => {
  it('reports each check in order, with the reason for a failure', async () => {
    const results = await runReadinessChecks([
      { name: 'postgres', check: async () => undefined },
      { name: 'nats', check: async () => Promise.reject(new Error('connection refused')) },
    ]);
    expect(results).toEqual([
      { name: 'postgres', ok: true, durationMs: expect.any(Number) },
      { name: 'nats', ok: false, error: 'connection refused', durationMs: expect.any(Number) },
    ]);
  });

  it('fails a check that does not answer within the timeout', async () => {
    const [result] = await runReadinessChecks([{ name: 'stuck', check: () => new Promise<void>(() => undefined) }], 50);
    expect(result).toMatchObject({ name: 'stuck', ok: false, error: 'timed out after 50ms' });
  });

  it('fails a check that throws synchronously instead of crashing', async () => {
    const throwsAtOnce = (): Promise<void> => {
      throw new Error('not configured');
    };
    const [result] = await runReadinessChecks([{ name: 'migrations', check: throwsAtOnce }]);
    expect(result).toMatchObject({ ok: false, error: 'not configured' });
  });
});

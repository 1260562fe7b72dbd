import { Registry } from 'prom-client';
import { startOpsServer, type OpsServer } from './ops-server';
import { platformMetrics } from './platform-metrics';
import type { ReadinessCheck } from './readiness';

describe('ops server over HTTP', () => {
  let natsUp = true;
  const readiness: ReadinessCheck[] = [
    { name: 'postgres', check: async () => undefined },
    {
      name: 'nats',
      check: async () => {
        if (!natsUp) throw new Error('nats connection closed');
      },
    },
  ];
  let server: OpsServer;
  let base: string;

  beforeAll(async () => {
    server = await startOpsServer({ host: '127.0.0.1', port: 0, readiness, readinessTimeoutMs: 500 });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  it('picks a free port when asked for port 0', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers /healthz with 200 ok', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 and each check when all pass', async () => {
    natsUp = true;
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'postgres', ok: true, durationMs: expect.any(Number) },
        { name: 'nats', ok: true, durationMs: expect.any(Number) },
      ],
    });
  });

  it('answers /readyz with 503 naming the failing check', async () => {
    natsUp = false;
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; failing: string[]; checks: unknown[] };
    expect(body.status).toBe('not_ready');
    expect(body.failing).toEqual(['nats']);
    expect(body.checks).toContainEqual({
      name: 'nats',
      ok: false,
      error: 'nats connection closed',
      durationMs: expect.any(Number),
    });
    natsUp = true;
  });

  it('serves the platform metrics in Prometheus text format', async () => {
    platformMetrics().consumerLag.set({ stream: 'HELPDESK_TICKET', durable: 'sla-ticket-status' }, 7);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('helpdesk_consumer_lag{stream="HELPDESK_TICKET",durable="sla-ticket-status"} 7');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
    const post = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await post.body?.cancel();
  });

  it('serves a given registry and hands unknown paths to a fallback', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'own' });
    const own = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      readiness: [],
      registry,
      fallback: (_, response) => response.writeHead(202).end('webhook'),
    });
    try {
      const metrics = await fetch(`http://127.0.0.1:${own.port}/metrics`);
      expect(await metrics.text()).not.toContain('helpdesk_consumer_lag');
      const webhook = await fetch(`http://127.0.0.1:${own.port}/cti/events`, { method: 'POST', body: '{}' });
      expect(webhook.status).toBe(202);
      expect(await webhook.text()).toBe('webhook');
    } finally {
      await own.close();
    }
  });

  it('fails a readiness check that hangs past the timeout', async () => {
    const slow = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      readiness: [{ name: 'migrations', check: () => new Promise<void>(() => undefined) }],
      readinessTimeoutMs: 50,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${slow.port}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ failing: ['migrations'] });
    } finally {
      await slow.close();
    }
  });
});

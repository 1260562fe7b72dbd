import { createHash, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { callEndedV1 } from '@helpdesk/contracts';
import { signTestJwt, type TestDatabase } from '@helpdesk/testing';
import { Client } from 'pg';
import { formatMs, nowMs, summarize } from '../support/latency';
import { buildGateway, startGatewayProcess, type GatewayProcess } from './telephony-gateway-process';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 100_000);
const CALLS = Number(process.env['BENCH_CALLS'] ?? 3_000);
// 16 senders already give more than 1,000 call events/s; more only queue for the two shared cores.
const CONCURRENCY = Number(process.env['BENCH_CALL_CONCURRENCY'] ?? 16);
const TOKEN = 'bench-cti-token';
const CONNECTION_ID = '0195f3a0-0000-7000-8000-0000000be001';

/**
 * Concurrent Generic CTI call sequences (newCall → answer → hangup) against the built gateway with
 * 100 000 contacts in its directory read model: (a) call events/s processed end to end, counted
 * until every call's `helpdesk.call.ended.v1` has reached a NATS subscriber; (b) the delay from
 * sending `newCall` to the call arriving, caller recognised, on the monitor's SSE stream.
 */
export async function runTelephonyGatewayCalls(): Promise<void> {
  await buildGateway();
  const gateway = await startGatewayProcess('bench-telephony', seed);
  try {
    const monitor = await watchMonitor(gateway);
    const ended = new Set<string>();
    const subscription = gateway.nats.nc.subscribe(gateway.nats.naming.subject(callEndedV1.type), {
      callback: (error, message) => {
        if (!error) ended.add((message.json() as { data: { pbxCallId: string } }).data.pbxCallId);
      },
    });
    const sentAt = new Map<string, number>();
    const eventLatency: number[] = [];
    const cpuBefore = gateway.cpuMs();
    const xactsBefore = await transactions(gateway);
    const started = nowMs();
    let next = 0;
    // node:http with one kept-alive socket per sender: a lighter client than fetch, whose CPU the
    // gateway would otherwise share on this machine.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const worker = async () => {
      for (let i = next++; i < CALLS; i = next++) await callSequence(gateway, agent, `bench-${i}`, callerNumber(i % CONTACTS), sentAt, eventLatency);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    const posted = nowMs();
    while (ended.size < CALLS && nowMs() - posted < 60_000) await new Promise((r) => setTimeout(r, 20));
    const finished = nowMs();
    const cpu = gateway.cpuMs() - cpuBefore;
    subscription.unsubscribe();
    monitor.close();
    await gateway.awaitQuiet(10_000);
    // Load-independent measures of the work per call: the gateway's CPU time and its database transactions.
    const xacts = (await transactions(gateway)) - xactsBefore;
    const recognition = [...monitor.recognisedAt].map(([callId, at]) => at - (sentAt.get(callId) ?? at));
    const seconds = (finished - started) / 1_000;
    const http = summarize(eventLatency);
    const recognised = summarize(recognition);
    console.log(`  ${CONTACTS} contacts in the directory, ${CALLS} calls (${CALLS * 3} webhook events), ${CONCURRENCY} concurrent sequences`);
    console.log(`  (a) end to end: ${ended.size}/${CALLS} call.ended events in ${seconds.toFixed(1)} s → ${((ended.size * 3) / seconds).toFixed(0)} call events/s (${(ended.size / seconds).toFixed(0)} calls/s); target ≥ 1000 events/s`);
    console.log(`      webhook answer p50 ${formatMs(http.p50)}, p99 ${formatMs(http.p99)}, max ${formatMs(http.max)}`);
    console.log(`      gateway CPU ${(cpu / (CALLS * 3)).toFixed(2)} ms per call event; ${(xacts / CALLS).toFixed(1)} database transactions per call (statements, the outbox relay's included)`);
    console.log(`  (b) newCall → caller recognised on the SSE monitor (${recognised.count} calls): p50 ${formatMs(recognised.p50)}, p99 ${formatMs(recognised.p99)}, max ${formatMs(recognised.max)}; target p99 < 20 ms`);
  } finally {
    await gateway.stop();
  }
}

/** Committed transactions of the gateway's database so far (PostgreSQL's statistics, flushed when its backends idle). */
async function transactions(gateway: GatewayProcess): Promise<number> {
  const client = new Client({ connectionString: gateway.db.url });
  await client.connect();
  try {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const rows = (await client.query(`SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()`)).rows as { n: number }[];
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/** +4930 1000000 + i: valid Berlin numbers, one per contact. */
function callerNumber(i: number): string {
  return `+4930${1_000_000 + i}`;
}

// The read model as the directory events leave it, written in bulk before the gateway starts (the
// consumers' upserts would take minutes for 100 000 contacts; the gateway loads its caller index
// from these tables at start), plus the CTI connection with a known token.
async function seed(db: TestDatabase): Promise<void> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO directory_customers (customer_id, name, active, version)
      SELECT ('0195f3a0-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Customer ' || g, true, 1 FROM generate_series(1, 5000) g`);
    await client.query(
      `INSERT INTO directory_contacts (contact_id, customer_id, display_name, active, version)
       SELECT ('0195f3a1-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ('0195f3a0-0000-7000-8000-' || lpad(to_hex(1 + g % 5000), 12, '0'))::uuid,
              'Contact ' || g, true, 1 FROM generate_series(0, $1::int - 1) g`,
      [CONTACTS],
    );
    await client.query(
      `INSERT INTO directory_contact_phones (number, contact_id)
       SELECT '+4930' || (1000000 + g), ('0195f3a1-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid FROM generate_series(0, $1::int - 1) g`,
      [CONTACTS],
    );
    await client.query(
      `INSERT INTO pbx_connections (id, name, kind, enabled, token_hash, ami, created_at, updated_at) VALUES ($1, 'bench', 'cti_webhook', true, $2, NULL, now(), now())`,
      [CONNECTION_ID, createHash('sha256').update(TOKEN).digest('hex')],
    );
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

async function callSequence(gateway: GatewayProcess, agent: Agent, callId: string, from: string, sentAt: Map<string, number>, latency: number[]): Promise<void> {
  const url = new URL(`${gateway.httpBase}/cti/${CONNECTION_ID}`);
  const post = async (fields: Record<string, string>) => {
    const body = new URLSearchParams(fields).toString();
    const t0 = nowMs();
    if (fields['event'] === 'newCall') sentAt.set(callId, t0);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${TOKEN}` } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (status !== 200) throw new Error(`webhook ${fields['event']} answered ${status}`);
    latency.push(nowMs() - t0);
  };
  await post({ event: 'newCall', callId, direction: 'in', from, to: '+49401234000' });
  await post({ event: 'answer', callId, user: '214' });
  await post({ event: 'hangup', callId, cause: 'normalClearing' });
}

/** Reads the SSE monitor and notes when each call first shows with a recognised caller. */
async function watchMonitor(gateway: GatewayProcess): Promise<{ recognisedAt: Map<string, number>; close(): void }> {
  const token = await signTestJwt({ sub: randomUUID(), roles: ['agent'] });
  const controller = new AbortController();
  const response = await fetch(`${gateway.httpBase}/monitor/calls?access_token=${token}`, { signal: controller.signal });
  if (!response.body) throw new Error('monitor stream has no body');
  const recognisedAt = new Map<string, number>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const at = nowMs();
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (!frame.startsWith('event: call') || !data) continue;
        const entry = JSON.parse(data.slice(6)) as { call: { pbxCallId: string }; caller: unknown };
        if (entry.caller && !recognisedAt.has(entry.call.pbxCallId)) recognisedAt.set(entry.call.pbxCallId, at);
      }
    }
  })();
  return { recognisedAt, close: () => controller.abort() };
}

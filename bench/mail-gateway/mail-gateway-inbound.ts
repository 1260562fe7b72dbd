import { mailReceivedV1, ticketCreatedV1 } from '@helpdesk/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { Client } from 'pg';
import { buildMailGateway, startMailGatewayProcess } from './mail-gateway-process';
import { SmtpClient } from './smtp-client';
import { cpuBetween, DatabaseCpu, processCpuMs, sharedNatsServerPid } from '../support/database-cpu';
import { formatMs, nowMs, summarize } from '../support/latency';
import { printResults } from '../support/results-table';
import { buildTicketService, startTicketProcess } from '../ticket/ticket-process';

/**
 * Mail gateway, inbound path end to end: 8 concurrent SMTP clients (one persistent connection
 * each, PIPELINING when announced, like an MTA's delivery agents: see SmtpClient; the message
 * bytes are those nodemailer composed before) deliver mails to the built gateway process,
 * which stores and publishes them; the built ticket service turns each into a ticket. Measures
 * mails/s accepted (SMTP 250) and the delay from each 250 to its `helpdesk.ticket.created.v1`
 * (matched by mailId: the 250 names it, the event carries it).
 */
const CLIENTS = 8;
const WARM_UP_SECONDS = 3;
const SECONDS = Number(process.env['BENCH_MAIL_SECONDS'] ?? 30);
const EVENTS_WITHIN_MS = 120_000;
const MAILBOX = 'support@bench.test';

interface LoadResult {
  readonly acceptedAt: Map<string, number>;
  readonly failures: number;
  readonly elapsedMs: number;
}

async function deliverFor(port: number, seconds: number, record: boolean): Promise<LoadResult> {
  const acceptedAt = new Map<string, number>();
  let failures = 0;
  const startedAt = nowMs();
  const endAt = startedAt + seconds * 1_000;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      let smtp = await SmtpClient.connect('127.0.0.1', port);
      while (nowMs() < endAt) {
        const n = (sequence += 1);
        const from = `customer${n % 500}@example.com`;
        try {
          const reply = await smtp.send(from, [MAILBOX], message(n, client, from));
          const mailId = /stored as (\S+)/.exec(reply.text)?.[1];
          if (record && mailId) acceptedAt.set(mailId, nowMs());
        } catch {
          failures += 1;
          // An MTA opens a new connection after a lost one.
          if (smtp.closed) smtp = await SmtpClient.connect('127.0.0.1', port);
        }
      }
      await smtp.close();
    }),
  );
  return { acceptedAt, failures, elapsedMs: nowMs() - startedAt };
}

/** Mail `n` of `client`, byte for byte as nodemailer composed it (headers in its order, CRLF, 7bit). */
function message(n: number, client: number, from: string): string {
  return [
    `From: ${from}`, `To: ${MAILBOX}`, `Subject: Printer ${n} does not print`, `Message-ID: <bench-${n}-${Date.now()}@example.com>`, 'Content-Transfer-Encoding: 7bit',
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '',
    'Hello,', '', `printer ${n} on floor ${client} shows error 0x${n.toString(16)} since this morning.`, '', 'Regards', '',
  ].join('\r\n');
}

export async function runMailGatewayInbound(): Promise<void> {
  await buildTicketService();
  await buildMailGateway();
  // Every mail opens a ticket with an auto-acknowledgement (the gateway queues it; sending is off here).
  // CONSUMER_CONCURRENCY of both processes (default 8, as in production); BENCH_MAIL_CONSUMER_CONCURRENCY overrides it.
  const consumers = process.env['BENCH_MAIL_CONSUMER_CONCURRENCY'];
  const consumerEnv: Record<string, string> = consumers ? { CONSUMER_CONCURRENCY: consumers } : {};
  const ticket = await startTicketProcess('bench-mail-ticket', consumerEnv);
  const gateway = await startMailGatewayProcess('bench-mail-gw', ticket.nats, consumerEnv);
  const createdAt = arrivals(ticket.nats.nc, ticket.nats.naming.subject(ticketCreatedV1.type));
  // The gateway's own share: SMTP 250 → its event on NATS (outbox relay included).
  const publishedAt = arrivals(ticket.nats.nc, ticket.nats.naming.subject(mailReceivedV1.type));
  try {
    await gateway.createMailbox(MAILBOX);
    await deliverFor(gateway.smtpPort, WARM_UP_SECONDS, false);
    await ticket.awaitQuiet(60_000);
    const databases = { gateway: await DatabaseCpu.connect(gateway.db.url), ticket: await DatabaseCpu.connect(ticket.db.url) };
    const databasesBefore = { gateway: await databases.gateway.read(), ticket: await databases.ticket.read() };
    const natsPid = sharedNatsServerPid();
    const natsBefore = processCpuMs(natsPid);
    const clientBefore = process.cpuUsage();
    const cpuBefore = { gateway: gateway.cpuMs(), ticket: ticket.cpuMs() };
    const statsBefore = await transactionsOf(gateway.db.url);
    const load = await deliverFor(gateway.smtpPort, SECONDS, true);
    const clientCpu = process.cpuUsage(clientBefore);
    const cpuPercent = (used: number) => `${((used / load.elapsedMs) * 100).toFixed(0)} %`;
    const cpu = { gateway: cpuPercent(gateway.cpuMs() - cpuBefore.gateway), ticket: cpuPercent(ticket.cpuMs() - cpuBefore.ticket) };
    const deadline = nowMs() + EVENTS_WITHIN_MS;
    while ([...load.acceptedAt.keys()].some((id) => !createdAt.has(id)) && nowMs() < deadline) await new Promise((r) => setTimeout(r, 200));
    const delays = [...load.acceptedAt].filter(([id]) => createdAt.has(id)).map(([id, at]) => Math.max(0, (createdAt.get(id) ?? at) - at));
    const missing = load.acceptedAt.size - delays.length;
    // CPU per mail: each process's CPU from the start of the load until it is quiet again (its
    // processing backlog, relay and read-model consumers included) over the mails of the load.
    await Promise.all([gateway.awaitQuiet(30_000), ticket.awaitQuiet(30_000)]);
    const perMail = (used: number) => `${(used / Math.max(1, load.acceptedAt.size)).toFixed(2)} ms`;
    // Commits (each a WAL flush) of the gateway's database per mail: unlike CPU, not moved by the machine's load.
    const statsAfter = await transactionsOf(gateway.db.url);
    const commitsPerMail = (statsAfter.commits - statsBefore.commits) / Math.max(1, load.acceptedAt.size);
    // A batch that deadlocks is rolled back and redone event by event: correct, but it costs.
    const deadlocks = statsAfter.deadlocks - statsBefore.deadlocks;
    const cpuPerMail = { gateway: perMail(gateway.cpuMs() - cpuBefore.gateway), ticket: perMail(ticket.cpuMs() - cpuBefore.ticket) };
    // The rest of the box: both databases' backends, nats-server (shared with whatever else runs) and
    // this process (the SMTP clients and the event watchers), so the split adds up to the whole mail.
    const otherPerMail = {
      gatewayDatabase: perMail(cpuBetween(databasesBefore.gateway, await databases.gateway.read())),
      ticketDatabase: perMail(cpuBetween(databasesBefore.ticket, await databases.ticket.read())),
      nats: perMail(processCpuMs(natsPid) - natsBefore),
      client: perMail((clientCpu.user + clientCpu.system) / 1_000),
    };
    await Promise.all([databases.gateway.close(), databases.ticket.close()]);
    const summary = summarize(delays);
    const published = summarize([...load.acceptedAt].filter(([id]) => publishedAt.has(id)).map(([id, at]) => Math.max(0, (publishedAt.get(id) ?? at) - at)));
    const perSecond = load.acceptedAt.size / (load.elapsedMs / 1_000);
    console.log(
      `mail-gateway-inbound: ${CLIENTS} SMTP clients for ${SECONDS} s (after ${WARM_UP_SECONDS} s warm-up), CONSUMER_CONCURRENCY ${consumers ?? 'default (8)'}\n` +
        `  ${perSecond.toFixed(0)} mails/s accepted (${load.acceptedAt.size} mails, ${load.failures} refused)\n` +
        `  SMTP 250 → mail.received on NATS: p50 ${formatMs(published.p50)}, p99 ${formatMs(published.p99)}\n` +
        `  SMTP 250 → ticket.created: p50 ${formatMs(summary.p50)}, p99 ${formatMs(summary.p99)}, max ${formatMs(summary.max)} (${missing} missing after ${EVENTS_WITHIN_MS / 1_000} s)\n` +
        `  CPU during the load: gateway process ${cpu.gateway}, ticket service process ${cpu.ticket} of one core\n` +
        `  CPU per mail (load start until quiet): gateway ${cpuPerMail.gateway}, ticket service ${cpuPerMail.ticket}; gateway database commits per mail ${commitsPerMail.toFixed(2)}, deadlocks ${deadlocks}\n` +
        `  CPU per mail elsewhere: PostgreSQL backends of the gateway ${otherPerMail.gatewayDatabase}, of the ticket service ${otherPerMail.ticketDatabase}; ` +
        `nats-server ${otherPerMail.nats} (shared); benchmark process (SMTP clients, watchers; during the load) ${otherPerMail.client}`,
    );
    printResults('mail-gateway-inbound', [
      { measurement: `mails/s accepted over SMTP, ${CLIENTS} clients`, result: `${perSecond.toFixed(0)} mails/s`, target: '≥ 500 mails/s', met: perSecond >= 500 },
      { measurement: 'SMTP 250 → ticket.created.v1, p99', result: formatMs(summary.p99), target: '< 500 ms', met: summary.p99 < 500 && missing === 0 },
      { measurement: 'SMTP 250 → ticket.created.v1, p50', result: formatMs(summary.p50), target: '—' },
      { measurement: 'SMTP 250 → mail.received.v1 (gateway only), p99', result: formatMs(published.p99), target: '—' },
      { measurement: 'gateway CPU per mail (until quiet)', result: cpuPerMail.gateway, target: '—' },
      { measurement: 'tickets created / mails accepted', result: `${delays.length} / ${load.acceptedAt.size}`, target: 'all', met: missing === 0 },
    ]);
  } finally {
    createdAt.stop();
    publishedAt.stop();
    await gateway.stop();
    await ticket.stop();
  }
}

/** Arrival time of each event on `subject` by the mail id it carries (core NATS subscription). */
function arrivals(nc: NatsConnection, subject: string): Map<string, number> & { stop(): void } {
  const at = new Map<string, number>();
  const subscription = nc.subscribe(subject, {
    callback: (error, message) => {
      if (error) return;
      const mailId = (message.json() as { data?: { mailId?: unknown } }).data?.mailId;
      if (typeof mailId === 'string') at.set(mailId, nowMs());
    },
  });
  return Object.assign(at, { stop: () => subscription.unsubscribe() });
}

/** Committed transactions and deadlocks of the database at `url` so far (pg_stat_database; statistics lag by up to a second). */
async function transactionsOf(url: string): Promise<{ commits: number; deadlocks: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // The statistics of other backends arrive at most a second late; a fresh snapshot is asked for.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ commits: string; deadlocks: string }>(
      'SELECT xact_commit::text AS commits, deadlocks::text AS deadlocks FROM pg_stat_database WHERE datname = current_database()',
    );
    return { commits: Number(rows[0]?.commits ?? 0), deadlocks: Number(rows[0]?.deadlocks ?? 0) };
  } finally {
    await client.end();
  }
}

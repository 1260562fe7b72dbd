import { describeError, pollUntil, type ProbeResult } from './probes';
import type { ServiceSpec } from './service-discovery';

/** Where the ticket service that `npm start` runs listens, as seen from this machine. */
export interface TicketEndpoints {
  /** `host:port` of its gRPC server. */
  grpc: string;
  /** Its readiness URL. */
  readyz: string;
}

/** How long a started ticket service may take to answer /readyz before the hint gives up. */
const READY_TIMEOUT_MS = 120_000;

/** The ticket service's default ports (ARCHITECTURE.md), unless the environment gives others to every service. */
export function ticketEndpoints(env: NodeJS.ProcessEnv): TicketEndpoints {
  const grpcPort = env['GRPC_PORT'] || '50051';
  const httpPort = env['HTTP_PORT'] || '8081';
  return { grpc: `127.0.0.1:${grpcPort}`, readyz: `http://127.0.0.1:${httpPort}/readyz` };
}

/** The lines telling a developer how to call the ticket service, to run from the repository root. */
export function ticketUsageHint(endpoints: TicketEndpoints, demoData: boolean): string[] {
  const list = 'helpdesk.ticket.v1.TicketService/ListTickets';
  const node = [
    `g=require('@grpc/grpc-js');d=require('@grpc/proto-loader').loadSync('helpdesk/ticket/v1/ticket.proto',{includeDirs:['libs/contracts/proto'],enums:String});`,
    `m=new g.Metadata();m.set('authorization','Bearer '+process.env.TOKEN);`,
    `new(g.loadPackageDefinition(d).helpdesk.ticket.v1.TicketService)('${endpoints.grpc}',g.credentials.createInsecure())`,
    `.listTickets({},m,(e,r)=>console.log(e||r.tickets.map(t=>t.number+' '+t.status+' '+t.summary).join('\\n')))`,
  ].join('');
  return [
    `ticket service ready on ${endpoints.grpc}${demoData ? ' (DEMO_DATA=true: demo data when its database was empty)' : ''}; try, from the repository root:`,
    `  export TOKEN=$(npm run -s dev-token)    # an admin; \`npm run -s dev-token -- agent <agent id>\` for an agent`,
    `  grpcurl -plaintext -H "authorization: Bearer $TOKEN" ${endpoints.grpc} ${list}`,
    `  node -e "${node}"`,
  ];
}

/**
 * The demo CTI connection of the telephony gateway (`DEMO_CTI_CONNECTION` in
 * services/telephony-gateway/src/demo): fixed id and token so that the printed lines work.
 */
const DEMO_CTI = { id: '0195f3a0-0000-7000-8000-0000000c0001', token: 'demo-cti-token-not-for-production' };

/**
 * How to reach the gateways that are among the started services, with their default ports: mail
 * the demo mailbox over SMTP, ring the hotline through the CTI webhook, watch the hotline monitor.
 */
export function gatewayUsageHint(serviceNames: readonly string[], env: NodeJS.ProcessEnv, demoData: boolean): string[] {
  const lines: string[] = [];
  if (serviceNames.includes('mail-gateway') && demoData) {
    const smtpPort = env['MAIL_SMTP_PORT'] || '2525';
    lines.push(
      `  # mail the support address (the mail gateway's demo mailbox) and watch the ticket appear:`,
      `  swaks --server 127.0.0.1:${smtpPort} --to support@helpdesk.localhost --from you@example.com --header 'Subject: Drucker druckt nicht' --body 'Seit heute früh druckt der Drucker im 2. OG nicht mehr.'`,
    );
  }
  if (serviceNames.includes('telephony-gateway')) {
    const http = `http://127.0.0.1:${env['HTTP_PORT'] || '8083'}`;
    if (demoData) {
      lines.push(
        `  # ring the hotline through the demo CTI webhook (then -d event=answer …, -d event=hangup -d cause=normalClearing):`,
        `  curl -d event=newCall -d callId=demo-1 -d direction=in -d from=08999998101 -d to=+4930999999 -H 'Authorization: Bearer ${DEMO_CTI.token}' ${http}/cti/${DEMO_CTI.id}`,
      );
    }
    lines.push(`  # the hotline monitor (Server-Sent Events):`, `  curl -N -H "authorization: Bearer $TOKEN" ${http}/monitor/calls`);
  }
  return lines;
}

/**
 * Waits until the ticket service answers /readyz, then logs the hint. Gives up quietly when
 * `stopping()` turns true, with one line when the service is not ready in time.
 */
export async function hintWhenReady(endpoints: TicketEndpoints, lines: readonly string[], log: (line: string) => void, stopping: () => boolean): Promise<void> {
  const check = async (): Promise<ProbeResult> => {
    if (stopping()) return { ok: false, reason: 'stopping', final: true };
    try {
      const response = await fetch(endpoints.readyz, { signal: AbortSignal.timeout(2_000) });
      return response.status === 200 ? { ok: true } : { ok: false, reason: `${endpoints.readyz} answered ${response.status}` };
    } catch (error) {
      return { ok: false, reason: describeError(error) };
    }
  };
  const result = await pollUntil(check, READY_TIMEOUT_MS, 250);
  if (stopping()) return;
  if (result.ok) for (const line of lines) log(line);
  else log(`ticket service not ready after ${READY_TIMEOUT_MS / 1000} s (${result.reason}); see its output above`);
}

/**
 * When a `ticket` service is among those started: once it is ready, tells how to call it (with
 * the demo data the supervisor asks for unless the environment sets DEMO_DATA).
 */
export async function announceTicketService(services: readonly ServiceSpec[], env: NodeJS.ProcessEnv, log: (line: string) => void, stopping: () => boolean): Promise<void> {
  if (!services.some((service) => service.name === 'ticket')) return;
  const endpoints = ticketEndpoints(env);
  const demoData = ['true', '1', 'yes'].includes(env['DEMO_DATA'] ?? 'true');
  const names = services.map((service) => service.name);
  await hintWhenReady(endpoints, [...ticketUsageHint(endpoints, demoData), ...gatewayUsageHint(names, env, demoData)], log, stopping);
}

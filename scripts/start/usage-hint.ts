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
  await hintWhenReady(endpoints, ticketUsageHint(endpoints, demoData), log, stopping);
}

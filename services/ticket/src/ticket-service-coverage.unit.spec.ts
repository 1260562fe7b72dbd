import { loadSync } from '@grpc/proto-loader';
import { PROTO_ROOT, type ticketV1 } from '@helpdesk/contracts';
import { TICKET_EXPORT_RPCS } from './export/exports.grpc.controller';
import { TICKET_LINK_RPCS } from './links/links.grpc.controller';
import { TICKET_MERGE_RPCS } from './merges/merges.grpc.controller';
import { TICKET_MESSAGE_RPCS } from './messages/messages.grpc.controller';
import { TICKET_TASK_RPCS } from './tasks/tasks.grpc.controller';
import { TICKET_LIFECYCLE_RPCS } from './tickets/tickets.grpc.controller';
import { TICKET_WORK_RPCS } from './worklog/worklog.grpc.controller';

// TicketService is served by one controller per feature; together they must serve every RPC.
const SERVED = [
  ...TICKET_LIFECYCLE_RPCS,
  ...TICKET_MESSAGE_RPCS,
  ...TICKET_WORK_RPCS,
  ...TICKET_TASK_RPCS,
  ...TICKET_LINK_RPCS,
  ...TICKET_MERGE_RPCS,
  ...TICKET_EXPORT_RPCS,
] as const;

// Fails to compile when an RPC of the generated controller interface has no feature controller.
type Unserved = Exclude<keyof ticketV1.TicketServiceController, (typeof SERVED)[number]>;
const everyRpcServed: [Unserved] extends [never] ? true : Unserved = true;

describe('TicketService coverage', () => {
  it('serves every RPC of the proto exactly once', () => {
    expect(everyRpcServed).toBe(true);
    const definition = loadSync('helpdesk/ticket/v1/ticket.proto', { includeDirs: [PROTO_ROOT] });
    const service = definition['helpdesk.ticket.v1.TicketService'] as Record<string, { originalName: string }>;
    const rpcs = Object.values(service).map((method) => method.originalName);
    expect([...SERVED].sort()).toEqual(rpcs.sort());
  });
});

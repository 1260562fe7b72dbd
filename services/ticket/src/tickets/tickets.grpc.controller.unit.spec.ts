import { ROLES_METADATA } from '@helpdesk/grpc';
import { ticketV1 } from '@helpdesk/contracts';
import { TICKET_LIFECYCLE_RPCS, TicketsGrpcController } from './tickets.grpc.controller';

// Nest's metadata key for message patterns (@nestjs/microservices constants).
const PATTERN_METADATA = 'microservices:pattern';

const READERS = ['agent', 'admin', 'integration', 'customer'];
const STAFF = ['agent', 'admin', 'integration'];

const EXPECTED_ROLES: Readonly<Record<(typeof TICKET_LIFECYCLE_RPCS)[number], readonly string[]>> = {
  createTicket: READERS,
  getTicket: READERS,
  listTickets: READERS,
  getHistory: READERS,
  updateTicket: STAFF,
  changeStatus: STAFF,
  assignTicket: STAFF,
  verifyHistory: ['agent', 'admin'],
};

function handler(rpc: string): object {
  const method: unknown = Reflect.get(TicketsGrpcController.prototype, rpc);
  if (typeof method !== 'function') throw new Error(`no handler ${rpc}`);
  return method;
}

describe('TicketsGrpcController', () => {
  it.each(TICKET_LIFECYCLE_RPCS)('serves TicketService/%s', (rpc) => {
    expect(Reflect.getMetadata(PATTERN_METADATA, handler(rpc))).toEqual([
      expect.objectContaining({ service: ticketV1.TICKET_SERVICE_NAME, rpc }),
    ]);
  });

  it.each(TICKET_LIFECYCLE_RPCS)('lets the intended roles call %s', (rpc) => {
    expect([...(Reflect.getMetadata(ROLES_METADATA, handler(rpc)) as string[])].sort()).toEqual([...EXPECTED_ROLES[rpc]].sort());
  });
});

import { credentials, loadPackageDefinition, Metadata, status, type Client, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_ROOT } from '@helpdesk/contracts';
import { DEFAULT_LOADER_OPTIONS } from '@helpdesk/grpc';

/** How fetching an attachment's content from the ticket service ended. */
export type TicketAttachmentResult =
  | { readonly kind: 'found'; readonly content: Buffer }
  /** The ticket service will never have it (not found, not stored there, refused). */
  | { readonly kind: 'missing'; readonly reason: string }
  /** Worth another try later (ticket service unreachable, deadline). */
  | { readonly kind: 'unavailable'; readonly reason: string };

type GetAttachment = (request: { ticketId: string; sha256: string }, metadata: Metadata, options: { deadline: Date }, callback: (error: ServiceError | null, response?: { content: Buffer }) => void) => void;

/**
 * Files of outbound ticket messages (an agent's upload) are stored by the ticket service, which
 * owns them: the gateway fetches them with `helpdesk.ticket.v1.TicketService/GetAttachment` as an
 * integration. The token is `MAIL_TICKET_GRPC_TOKEN`, or in development one the gateway signs with
 * `AUTH_JWT_SECRET`.
 */
export class TicketAttachmentsClient {
  private readonly client: Client;
  private readonly getAttachment: GetAttachment;

  constructor(
    address: string,
    private readonly token: () => Promise<string | null>,
  ) {
    const definition = loadSync('helpdesk/ticket/v1/ticket.proto', { ...DEFAULT_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const helpdesk = loadPackageDefinition(definition)['helpdesk'] as GrpcObject;
    const ticketV1 = (helpdesk['ticket'] as GrpcObject)['v1'] as GrpcObject;
    const Service = ticketV1['TicketService'] as ServiceClientConstructor;
    this.client = new Service(address, credentials.createInsecure(), { 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
    this.getAttachment = (this.client as unknown as { GetAttachment: GetAttachment }).GetAttachment.bind(this.client);
  }

  async fetch(ticketId: string, sha256: string): Promise<TicketAttachmentResult> {
    const token = await this.token();
    if (!token) return { kind: 'missing', reason: 'no MAIL_TICKET_GRPC_TOKEN (or AUTH_JWT_SECRET) to ask the ticket service for it' };
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    return new Promise((resolve) => {
      this.getAttachment({ ticketId, sha256 }, metadata, { deadline: new Date(Date.now() + 30_000) }, (error, response) => {
        if (!error && response) return resolve({ kind: 'found', content: Buffer.from(response.content) });
        const code = error?.code ?? status.UNKNOWN;
        const reason = `ticket service GetAttachment: ${error?.details ?? 'no response'}`;
        resolve(code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED || code === status.RESOURCE_EXHAUSTED ? { kind: 'unavailable', reason } : { kind: 'missing', reason });
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

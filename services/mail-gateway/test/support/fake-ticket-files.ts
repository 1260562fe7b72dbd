import { createHash } from 'node:crypto';
import { Server, ServerCredentials, loadPackageDefinition, status, type GrpcObject, type ServiceClientConstructor, type ServiceError, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_ROOT } from '@helpdesk/contracts';
import { DEFAULT_LOADER_OPTIONS } from '@helpdesk/grpc';

/**
 * A real gRPC server answering `helpdesk.ticket.v1.TicketService/GetAttachment` from files the test
 * puts in, standing in for the ticket service's file store (every other RPC is UNIMPLEMENTED).
 */
export class FakeTicketFiles {
  private readonly files = new Map<string, Buffer>();
  private readonly server = new Server();
  readonly authorizations: string[] = [];

  /** Stores `content`; returns its SHA-256. */
  put(content: Buffer): string {
    const sha256 = createHash('sha256').update(content).digest('hex');
    this.files.set(sha256, content);
    return sha256;
  }

  async start(): Promise<string> {
    const definition = loadSync('helpdesk/ticket/v1/ticket.proto', { ...DEFAULT_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    const v1 = ((loadPackageDefinition(definition)['helpdesk'] as GrpcObject)['ticket'] as GrpcObject)['v1'] as GrpcObject;
    this.server.addService((v1['TicketService'] as ServiceClientConstructor).service, {
      GetAttachment: (call: ServerUnaryCall<{ ticketId: string; sha256: string }, unknown>, callback: sendUnaryData<unknown>) => {
        this.authorizations.push(String(call.metadata.get('authorization')[0] ?? ''));
        const content = this.files.get(call.request.sha256);
        if (!content) return callback({ code: status.NOT_FOUND, details: `attachment ${call.request.sha256} not found` } as ServiceError, null);
        callback(null, { attachment: { sha256: call.request.sha256 }, content });
      },
    });
    const port = await new Promise<number>((resolve, reject) => this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
    return `127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

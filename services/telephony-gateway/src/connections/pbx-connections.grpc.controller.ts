import type { Metadata } from '@grpc/grpc-js';
import { telephonyV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, decodePageToken, encodePageToken, parseRequest, toTimestamp } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { z } from 'zod';
import { pageSchema } from '../calls/calls-requests.grpc-mapper';
import type { PbxConnection, PbxConnectionKind } from './pbx-connection';
import { PbxConnectionsService } from './pbx-connections.service';

/** The RPCs of `helpdesk.telephony.v1.TelephonyService` this controller serves. */
export const CONNECTION_RPCS = ['createPbxConnection', 'listPbxConnections', 'setPbxConnectionEnabled'] as const satisfies readonly (keyof telephonyV1.TelephonyServiceController)[];

type ConnectionsController = Pick<telephonyV1.TelephonyServiceController, (typeof CONNECTION_RPCS)[number]>;

const KINDS: Record<string, PbxConnectionKind> = {
  PBX_CONNECTION_KIND_CTI_WEBHOOK: 'cti_webhook',
  PBX_CONNECTION_KIND_AMI: 'ami',
  PBX_CONNECTION_KIND_API: 'api',
};
const MESSAGE_KINDS = {
  cti_webhook: telephonyV1.PbxConnectionKind.PBX_CONNECTION_KIND_CTI_WEBHOOK,
  ami: telephonyV1.PbxConnectionKind.PBX_CONNECTION_KIND_AMI,
  api: telephonyV1.PbxConnectionKind.PBX_CONNECTION_KIND_API,
};

const text = z.string({ error: 'must be a string' });
const ami = z
  .object({
    host: text.trim().min(1, 'must be set'),
    port: z.number().int().min(1, 'must be a port number').max(65535, 'must be a port number'),
    username: text.min(1, 'must be set'),
    secret: text.min(1, 'must be set'),
    inboundContexts: z.array(text.trim().min(1, 'must not be empty')),
  })
  .nullish()
  .transform((value) => value ?? null);
const createSchema = z
  .object({
    name: text.trim().min(1, 'must be set').max(100, 'must be at most 100 characters'),
    kind: text.refine((value) => value in KINDS, 'must be CTI_WEBHOOK, AMI or API').transform((value) => KINDS[value] as PbxConnectionKind),
    ami,
  })
  .superRefine((request, ctx) => {
    if ((request.kind === 'ami') !== (request.ami !== null)) ctx.addIssue({ code: 'custom', path: ['ami'], message: 'must be set exactly for AMI connections' });
  });
const setEnabledSchema = z.object({ id: text.refine((value) => z.uuid().safeParse(value).success, 'must be a UUID'), enabled: z.boolean() });

/** PBX connections, for admins. */
@GrpcController()
@GrpcServiceMethods(telephonyV1.TELEPHONY_SERVICE_NAME, CONNECTION_RPCS)
export class PbxConnectionsGrpcController implements ConnectionsController {
  constructor(@Inject(PbxConnectionsService) private readonly connections: PbxConnectionsService) {}

  @Roles('admin')
  async createPbxConnection(request: telephonyV1.CreatePbxConnectionRequest, _metadata: Metadata): Promise<telephonyV1.CreatePbxConnectionResponse> {
    const input = parseRequest(createSchema, request);
    const { connection, token } = await this.connections.create(input);
    return { connection: toConnectionMessage(connection), token: token ?? '' };
  }

  @Roles('admin')
  async listPbxConnections(request: telephonyV1.ListPbxConnectionsRequest, _metadata: Metadata): Promise<telephonyV1.ListPbxConnectionsResponse> {
    const { page } = parseRequest(z.object({ page: pageSchema }), request);
    const after = decodePageToken('pbx-connections', page.token, 1)?.[0] ?? null;
    const rows = await this.connections.list(after, page.size + 1);
    const shown = rows.slice(0, page.size);
    const last = shown.at(-1);
    return { connections: shown.map(toConnectionMessage), page: { nextPageToken: rows.length > page.size && last ? encodePageToken('pbx-connections', [last.name]) : '' } };
  }

  @Roles('admin')
  async setPbxConnectionEnabled(request: telephonyV1.SetPbxConnectionEnabledRequest, _metadata: Metadata): Promise<telephonyV1.SetPbxConnectionEnabledResponse> {
    const { id, enabled } = parseRequest(setEnabledSchema, request);
    return { connection: toConnectionMessage(await this.connections.setEnabled(id, enabled)) };
  }
}

function toConnectionMessage(connection: PbxConnection): telephonyV1.PbxConnection {
  return {
    id: connection.id,
    name: connection.name,
    kind: MESSAGE_KINDS[connection.kind],
    enabled: connection.enabled,
    // The AMI secret is write-only.
    ami: connection.ami ? { ...connection.ami, inboundContexts: [...connection.ami.inboundContexts], secret: '' } : undefined,
    createdAt: toTimestamp(connection.createdAt),
  };
}

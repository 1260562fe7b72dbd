import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { CallError } from '../calls/call.errors';
import type { ConnectionCache } from './connection-cache';
import { DEFAULT_INBOUND_CONTEXTS, hashToken, newWebhookToken, type AmiSettings, type PbxConnection, type PbxConnectionKind } from './pbx-connection';
import { PbxConnectionsRepository } from './pbx-connections.repository';

/** A connection to create. */
export interface CreateConnectionInput {
  readonly name: string;
  readonly kind: PbxConnectionKind;
  readonly ami: AmiSettings | null;
  /** Fixed id and token (demo data); normally generated. */
  readonly id?: string;
  readonly token?: string;
}

/** Told when connections change (the AMI supervisor re-reads them). */
export interface ConnectionsObserver {
  connectionsChanged(): void;
}

/** PBX connections: create (a CTI connection gets its token once), list, enable/disable. */
export class PbxConnectionsService {
  private readonly connections = new PbxConnectionsRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ConnectionCache,
    private readonly observer: ConnectionsObserver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: CreateConnectionInput): Promise<{ connection: PbxConnection; token: string | null }> {
    if (input.kind === 'ami' && input.ami === null) throw new CallError('INVALID_FIELD', 'is required for an AMI connection', 'ami');
    const secret = input.kind === 'cti_webhook' ? (input.token ? { token: input.token, hash: hashToken(input.token) } : newWebhookToken()) : null;
    const ami = input.kind === 'ami' && input.ami ? { ...input.ami, inboundContexts: input.ami.inboundContexts.length ? input.ami.inboundContexts : DEFAULT_INBOUND_CONTEXTS } : null;
    const connection: PbxConnection = { id: input.id ?? uuidv7(), name: input.name, kind: input.kind, enabled: true, tokenHash: secret?.hash ?? null, ami, createdAt: this.clock() };
    const inserted = await withTransaction(this.dataSource, (manager) => this.connections.insert(manager, connection));
    if (!inserted) throw new CallError('CONNECTION_NAME_TAKEN', `a PBX connection named "${input.name}" exists`, 'name');
    this.observer.connectionsChanged();
    return { connection, token: secret?.token ?? null };
  }

  list(afterName: string | null, limit: number): Promise<PbxConnection[]> {
    return this.connections.list(this.dataSource.manager, afterName, limit);
  }

  async setEnabled(id: string, enabled: boolean): Promise<PbxConnection> {
    const connection = await withTransaction(this.dataSource, (manager) => this.connections.setEnabled(manager, id, enabled, this.clock()));
    if (!connection) throw new CallError('CONNECTION_NOT_FOUND', `no PBX connection ${id}`);
    this.cache.forget(id);
    this.observer.connectionsChanged();
    return connection;
  }

  count(): Promise<number> {
    return this.connections.count(this.dataSource.manager);
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type PbxConnectionKind = 'cti_webhook' | 'ami' | 'api';

/** Where an AMI connection connects and how it logs in. */
export interface AmiSettings {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly secret: string;
  /** Dialplan contexts whose channels are calls from outside (inbound). */
  readonly inboundContexts: readonly string[];
}

/** A PBX connection: where calls come from. */
export interface PbxConnection {
  readonly id: string;
  readonly name: string;
  readonly kind: PbxConnectionKind;
  readonly enabled: boolean;
  /** SHA-256 (hex) of a CTI connection's token; null for other kinds. */
  readonly tokenHash: string | null;
  readonly ami: AmiSettings | null;
  readonly createdAt: Date;
}

/** Contexts FreePBX and most Asterisk dialplans route trunk calls into. */
export const DEFAULT_INBOUND_CONTEXTS = ['from-trunk', 'from-pstn', 'from-external'];

/** A new random webhook token (256 bits, URL-safe) and the hash that is stored of it. */
export function newWebhookToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` is the connection's; constant time, so the comparison leaks nothing. */
export function tokenMatches(connection: Pick<PbxConnection, 'tokenHash'>, token: string): boolean {
  if (connection.tokenHash === null) return false;
  const expected = Buffer.from(connection.tokenHash, 'hex');
  const given = Buffer.from(hashToken(token), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../history/canonical-json';
import { invalidField } from '../tickets/ticket.errors';

export { pageSize, type Page, type PageRequest } from '../tickets/ticket-filter';

/**
 * A page token for keyset paging: the sort key of the last item plus a fingerprint of the
 * selection, so a token used with other filters is refused instead of returning a wrong page.
 */
export function encodeCursor(selection: JsonValue, key: readonly string[]): string {
  return Buffer.from(JSON.stringify({ f: fingerprint(selection), k: key })).toString('base64url');
}

/** The sort key in a page token (undefined for the first page); INVALID_FIELD `page.pageToken` when it does not fit. */
export function decodeCursor(selection: JsonValue, token: string, length: number): string[] | undefined {
  if (!token) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidField('page.pageToken', 'is not a token this service issued');
  }
  const { f, k } = (parsed ?? {}) as { f?: unknown; k?: unknown };
  if (f !== fingerprint(selection)) throw invalidField('page.pageToken', 'belongs to a different selection');
  if (!Array.isArray(k) || k.length !== length || !k.every((v) => typeof v === 'string')) {
    throw invalidField('page.pageToken', 'is not a token this service issued');
  }
  return k as string[];
}

function fingerprint(selection: JsonValue): string {
  return createHash('sha256').update(canonicalJson(selection)).digest('base64url').slice(0, 16);
}

import { CallError } from '../calls/call.errors';

// Keyset cursors: the sort key of the last item as base64url JSON, tagged with its list, so a
// token from another list is refused.

/** The page token after an item with sort key `key` in list `list`. */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** The sort key in `token` (undefined for the first page); INVALID_FIELD naming `page.pageToken` otherwise. */
export function decodeCursor(list: string, token: string, length: number): string[] | undefined {
  if (!token) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid = Array.isArray(parsed) && parsed.length === length + 1 && parsed[0] === list && parsed.every((part) => typeof part === 'string');
  if (!valid) throw new CallError('INVALID_FIELD', 'is not a token this service issued for this list', 'page.pageToken');
  return (parsed as string[]).slice(1);
}

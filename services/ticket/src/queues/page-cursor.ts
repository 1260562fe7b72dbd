import { invalidField } from '../tickets/ticket.errors';

// Keyset cursors for the agent and queue lists: the sort key of the last item as base64url
// JSON, tagged with the list it belongs to, so a token from another list is refused.

/** The page token after an item with sort key `key` in list `list`. */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** The sort key in `token` (undefined for the first page); INVALID_ARGUMENT naming `page.pageToken` otherwise. */
export function decodeCursor(list: string, token: string, length: number): string[] | undefined {
  if (!token) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid = Array.isArray(parsed) && parsed.length === length + 1 && parsed[0] === list && parsed.every((part) => typeof part === 'string');
  if (!valid) throw invalidField('page.pageToken', 'is not a token this service issued for this list');
  return (parsed as string[]).slice(1);
}

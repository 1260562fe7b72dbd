import { RequestValidationError } from '../errors/request-validation.error';

// Keyset page tokens: the sort key of a page's last item as base64url JSON, tagged with the list
// it belongs to, so a token from another list is refused instead of returning a wrong page.

/** The page token after an item with sort key `key` in list `list`. */
export function encodePageToken(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

/** Makes the error for a refused token; a service whose lists sit below gRPC passes its domain error. */
export type RefusedTokenError = (field: string, problem: string) => Error;

const requestValidationError: RefusedTokenError = (field, problem) => new RequestValidationError([{ field, description: problem }]);

/**
 * The sort key in `token` (undefined for the first page, an empty token); the error of `refuse`
 * (default: INVALID_ARGUMENT) naming `page.pageToken` when the token is not one this service issued
 * for `list` with `length` parts.
 */
export function decodePageToken(list: string, token: string, length: number, refuse: RefusedTokenError = requestValidationError): string[] | undefined {
  if (!token) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid = Array.isArray(parsed) && parsed.length === length + 1 && parsed[0] === list && parsed.every((part) => typeof part === 'string');
  if (!valid) throw refuse('page.pageToken', 'is not a token this service issued for this list');
  return (parsed as string[]).slice(1);
}

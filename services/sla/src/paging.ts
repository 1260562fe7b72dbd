import { z } from 'zod';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/** A list position: after this name and id. */
export interface PagePosition {
  readonly name: string;
  readonly id: string;
}

/** helpdesk.common.v1.PageRequest (absent → first page of the default size). */
export const pageRequestSchema = z
  .object({ pageSize: z.int().min(0), pageToken: z.string() })
  .nullish()
  .transform((p) => ({ pageSize: Math.min(p?.pageSize || DEFAULT_PAGE, MAX_PAGE), pageToken: p?.pageToken ?? '' }))
  .refine((p) => p.pageToken === '' || decodePage(p.pageToken) !== null, { message: 'is not a page token this service issued', path: ['pageToken'] });

/** The opaque token of a position. */
export function encodePage(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id])).toString('base64url');
}

/** The position of a token; null for the first page or a token this service did not issue. */
export function decodePage(token: string): PagePosition | null {
  if (!token) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { name: value[0], id: value[1] };
  } catch {
    // fall through: not ours
  }
  return null;
}

/** The next-page token of a page fetched with one extra row. */
export function nextPageOf(rows: readonly { id: string; settings: { name: string } }[], size: number): { nextPageToken: string } {
  const last = rows.slice(0, size).at(-1);
  return { nextPageToken: rows.length > size && last ? encodePage({ name: last.settings.name, id: last.id }) : '' };
}

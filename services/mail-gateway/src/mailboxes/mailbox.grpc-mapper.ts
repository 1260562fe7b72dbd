import { languageSchema, mailV1, uuidSchema } from '@helpdesk/contracts';
import { toTimestamp } from '@helpdesk/grpc';
import { z } from 'zod';
import type { Mailbox, NewMailbox } from './mailbox';

const text = z.string({ error: 'must be a string' }).trim();
const optional = (schema: z.ZodType<string, string>) => text.transform((v) => (v === '' ? null : v)).pipe(schema.nullable());

const imapSchema = z
  .object({
    host: text.min(1, 'must be set').max(253),
    port: z.number().int().min(0).max(65535, 'must be a TCP port'),
    tls: z.boolean(),
    username: text.min(1, 'must be set'),
    password: z.string().min(1, 'must be set'),
    folder: text.max(200),
  })
  .transform((imap) => ({ ...imap, port: imap.port || (imap.tls ? 993 : 143), folder: imap.folder || 'INBOX' }));

/** `CreateMailboxRequest` → a validated new mailbox (INVALID_ARGUMENT names the field otherwise). */
export const createMailboxRequestSchema = z
  .object({
    name: text.min(1, 'must be set').max(200),
    address: text.toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be a mail address such as support@example.com').max(254),
    language: optional(languageSchema),
    defaultQueueId: optional(uuidSchema),
    defaultCategory: optional(z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, 'must be a lower-case category key such as technical')),
    imap: imapSchema.nullish().transform((v) => v ?? null),
  })
  .transform((r): NewMailbox => r);

/** `ListMailboxesRequest`: page size (1–500, 0 → 50) and the address to continue after. */
export const listMailboxesRequestSchema = z.object({
  page: z
    .object({ pageSize: z.number().int().min(0, 'must not be negative'), pageToken: z.string() })
    .nullish()
    .transform((p) => ({ size: Math.min(p?.pageSize || 50, 500), after: p?.pageToken ? Buffer.from(p.pageToken, 'base64url').toString('utf8') : null })),
});

/** A mailbox as `helpdesk.mail.v1.Mailbox`; the IMAP password is never returned. */
export function toMailboxMessage(mailbox: Mailbox): mailV1.Mailbox {
  return {
    id: mailbox.id,
    name: mailbox.name,
    address: mailbox.address,
    language: mailbox.language ?? '',
    defaultQueueId: mailbox.defaultQueueId ?? '',
    defaultCategory: mailbox.defaultCategory ?? '',
    imap: mailbox.imap ? { ...mailbox.imap, password: '' } : undefined,
    createdAt: toTimestamp(mailbox.createdAt),
  };
}

/** The page token continuing after `last`; empty when the page was not full. */
export function nextPageToken(page: readonly Mailbox[], size: number): string {
  const last = page[page.length - 1];
  return page.length === size && last ? Buffer.from(last.address, 'utf8').toString('base64url') : '';
}

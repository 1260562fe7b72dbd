import { ticketV1, uuidSchema } from '@helpdesk/contracts';
import { z } from 'zod';
import type { ExternalReference } from '../tickets/ticket';
import { requiredProtoEnumSchema } from '../tickets/ticket-enums.grpc-mapper';
import type { LinkRequest, TicketLinkKind, TicketLinks } from './ticket-link';

/** Link kind → `helpdesk.ticket.v1.LinkKind`. */
export const LINK_KIND_TO_PROTO: Readonly<Record<TicketLinkKind | 'external', ticketV1.LinkKind>> = {
  parent: ticketV1.LinkKind.LINK_KIND_PARENT,
  child: ticketV1.LinkKind.LINK_KIND_CHILD,
  related: ticketV1.LinkKind.LINK_KIND_RELATED,
  duplicate: ticketV1.LinkKind.LINK_KIND_DUPLICATE,
  duplicated_by: ticketV1.LinkKind.LINK_KIND_DUPLICATED_BY,
  external: ticketV1.LinkKind.LINK_KIND_EXTERNAL,
};

/** Longest accepted external system and kind names (`erp`, `delivery_note`). */
export const EXTERNAL_NAME_MAX_LENGTH = 50;
/** Longest accepted external reference value (`SO-2026-4711`). */
export const EXTERNAL_VALUE_MAX_LENGTH = 200;

const text = z.string({ error: 'must be a string' });
const requiredId = text.min(1, 'must be set').refine((value) => uuidSchema.safeParse(value).success, 'must be a UUID');

/** `LinkTicketsRequest` as the service takes it. */
export interface LinkTicketsCommand {
  readonly ticketId: string;
  readonly link: LinkRequest;
}

const linkSchema = z
  .object({
    kind: requiredProtoEnumSchema(LINK_KIND_TO_PROTO, ticketV1.LinkKind.LINK_KIND_UNSPECIFIED),
    targetTicketId: text.trim(),
    targetTicketNumber: text.trim(),
    externalSystem: text.trim(),
    externalKind: text.trim(),
    externalValue: text.trim(),
  })
  .nullish()
  .transform((link, ctx): LinkRequest => {
    if (!link) return issue(ctx, [], 'must be set');
    const { kind, targetTicketId, targetTicketNumber, ...external } = link;
    if (kind === 'external') {
      if (targetTicketId) note(ctx, ['targetTicketId'], 'must be empty for an external link');
      if (targetTicketNumber) note(ctx, ['targetTicketNumber'], 'must be empty for an external link');
      return { kind, reference: externalReference(external, ctx) };
    }
    for (const field of ['externalSystem', 'externalKind', 'externalValue'] as const) {
      if (external[field]) note(ctx, [field], 'must be empty for a link to a ticket');
    }
    if (targetTicketId && targetTicketNumber) return issue(ctx, ['targetTicketId'], 'set only one of targetTicketId and targetTicketNumber');
    if (targetTicketNumber) return { kind, target: { number: targetTicketNumber } };
    if (!targetTicketId) return issue(ctx, ['targetTicketId'], 'must be set (or targetTicketNumber)');
    if (!uuidSchema.safeParse(targetTicketId).success) return issue(ctx, ['targetTicketId'], 'must be a UUID');
    return { kind, target: { id: targetTicketId } };
  });

/** `LinkTicketsRequest` → ticket id and the link to add; issues name the field (`link.externalValue`). */
export const linkTicketsRequestSchema = z.object({ ticketId: requiredId, link: linkSchema });

/** `ListLinksRequest` → ticket id. */
export const listLinksRequestSchema = z.object({ ticketId: requiredId });

/** A ticket's links as `TicketLink` messages: linked tickets first, then external documents. */
export function toTicketLinkMessages(links: TicketLinks): ticketV1.TicketLink[] {
  const none = { targetTicketId: '', targetTicketNumber: '', externalSystem: '', externalKind: '', externalValue: '' };
  return [
    ...links.tickets.map((link) => ({ ...none, kind: LINK_KIND_TO_PROTO[link.kind], targetTicketId: link.ticketId, targetTicketNumber: link.number })),
    ...links.external.map((reference) => ({
      ...none,
      kind: ticketV1.LinkKind.LINK_KIND_EXTERNAL,
      externalSystem: reference.system,
      externalKind: reference.kind,
      externalValue: reference.value,
    })),
  ];
}

function externalReference(fields: { externalSystem: string; externalKind: string; externalValue: string }, ctx: z.RefinementCtx): ExternalReference {
  const limits = { externalSystem: EXTERNAL_NAME_MAX_LENGTH, externalKind: EXTERNAL_NAME_MAX_LENGTH, externalValue: EXTERNAL_VALUE_MAX_LENGTH };
  for (const [field, max] of Object.entries(limits) as [keyof typeof limits, number][]) {
    if (!fields[field]) note(ctx, [field], 'must be set for an external link');
    else if (fields[field].length > max) note(ctx, [field], `must be at most ${max} characters`);
  }
  return { system: fields.externalSystem, kind: fields.externalKind, value: fields.externalValue };
}

function note(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function issue(ctx: z.RefinementCtx, path: PropertyKey[], message: string): never {
  note(ctx, path, message);
  return z.NEVER;
}

import { uuidSchema } from '@helpdesk/contracts';
import type { ExternalReference, ResolutionDetails } from './ticket';
import { TicketError, invalidField } from './ticket.errors';

// Input rules shared by the decisions. Each returns the normalised value or throws INVALID_FIELD
// naming the field, so what reaches a ticket always validates against the event contracts.

const LABEL_MAX = 200;

/** Trims and collapses whitespace (folded mail subjects); must not end up empty. */
export function normalizeSummary(summary: string): string {
  const value = summary.replace(/\s+/g, ' ').trim();
  if (!value) throw invalidField('summary', 'must not be empty');
  return value;
}

/** The category must be a key of the configured list. */
export function checkCategory(category: string, categories: readonly string[]): string {
  if (!categories.includes(category)) {
    throw invalidField('category', `must be one of ${categories.join(', ')} (got "${category}")`);
  }
  return category;
}

/** Trims every tag, refuses empty or over-long ones, drops repeats keeping the first. */
export function normalizeTags(tags: readonly string[]): string[] {
  const result: string[] = [];
  for (const [index, raw] of tags.entries()) {
    const tag = checkLabel(`tags[${index}]`, raw);
    if (!result.includes(tag)) result.push(tag);
  }
  return result;
}

/** A UUID or null. */
export function checkOptionalId(field: string, id: string | null): string | null {
  if (id !== null && !uuidSchema.safeParse(id).success) throw invalidField(field, `must be a UUID (got "${id}")`);
  return id;
}

/** UUIDs without repeats, in the given order. */
export function normalizeIds(field: string, ids: readonly string[]): string[] {
  ids.forEach((id, index) => checkOptionalId(`${field}[${index}]`, id));
  return [...new Set(ids)];
}

/** A valid Date or null. */
export function checkOptionalDate(field: string, date: Date | null): Date | null {
  if (date !== null && Number.isNaN(date.getTime())) throw invalidField(field, 'must be a valid time');
  return date;
}

/** A warning lead in whole minutes, zero or more, or null for none. */
export function checkWarningLead(minutes: number | null): number | null {
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0)) {
    throw invalidField('warningLeadMinutes', `must be a whole number of minutes, 0 or more (got ${minutes})`);
  }
  return minutes;
}

/** The warning time for a due date and a lead in milliseconds; null when either is missing. */
export function warningTime(dueAt: Date | null, leadMs: number | null): Date | null {
  return dueAt && leadMs !== null ? new Date(dueAt.getTime() - leadMs) : null;
}

/** A trimmed reason; blank or missing becomes null. */
export function normalizeReason(reason: string | null | undefined): string | null {
  const value = reason?.trim();
  return value ? value : null;
}

/** Resolution details as entered; RESOLUTION_REQUIRED when the text is missing or blank. */
export function requireResolution(resolution: { text: string; code?: string | null } | undefined): ResolutionDetails {
  const text = resolution?.text.trim();
  if (!resolution || !text) {
    throw new TicketError('RESOLUTION_REQUIRED', 'resolving a ticket requires resolution details', { field: 'resolution.text' });
  }
  const code = resolution.code == null ? null : checkLabel('resolution.code', resolution.code);
  return { text, code };
}

/** External references with every part non-empty. */
export function checkExternalReferences(references: readonly ExternalReference[]): ExternalReference[] {
  return references.map((reference, index) => ({
    system: checkText(`externalReferences[${index}].system`, reference.system),
    kind: checkText(`externalReferences[${index}].kind`, reference.kind),
    value: checkText(`externalReferences[${index}].value`, reference.value),
  }));
}

function checkText(field: string, raw: string): string {
  const value = raw.trim();
  if (!value) throw invalidField(field, 'must not be empty');
  return value;
}

function checkLabel(field: string, raw: string): string {
  const value = checkText(field, raw);
  if (value.length > LABEL_MAX) throw invalidField(field, `must be at most ${LABEL_MAX} characters`);
  return value;
}

/** Throws INVALID_FIELD for `field` unless `condition` holds. */
export function invalidFieldUnless(condition: boolean, field: string, problem: string): void {
  if (!condition) throw invalidField(field, problem);
}

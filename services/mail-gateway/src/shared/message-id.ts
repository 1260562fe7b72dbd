/** A Message-ID header value without angle brackets and surrounding space; null when empty. */
export function bareMessageId(value: string | null | undefined): string | null {
  const bare = (value ?? '').trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return bare === '' ? null : bare;
}

/** Every Message-ID in a References / In-Reply-To header value, in order, without brackets. */
export function messageIdsIn(value: string | readonly string[] | null | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : ((value as string | null | undefined) ?? '');
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '').filter((id) => id !== '');
  if (bracketed.length > 0) return bracketed;
  return text.split(/\s+/).map((id) => bareMessageId(id)).filter((id): id is string => id !== null);
}

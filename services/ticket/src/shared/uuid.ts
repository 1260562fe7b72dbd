const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a UUID in its canonical text form. Ids that are not UUIDs can name no record, so
 * lookups answer "not found" without asking PostgreSQL (which would reject the cast).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

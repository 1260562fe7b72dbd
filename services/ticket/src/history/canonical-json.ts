/** A JSON value as the history stores it (PostgreSQL jsonb round-trips exactly these). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers as `JSON.stringify` writes them. Two values that are equal as JSON give the
 * same string whatever their key order, which is what makes a hash over it survive a jsonb
 * round trip (jsonb does not keep key order). Properties whose value is `undefined` are left out,
 * as `JSON.stringify` and a database round trip would; non-finite numbers throw, because JSON
 * cannot carry them and hashing `null` instead would hide the difference.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return canonicalNumber(value);
  if (isJsonArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  return canonicalObject(value);
}

function canonicalNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot represent the number ${String(value)}`);
  return JSON.stringify(value);
}

function canonicalObject(value: JsonObject): string {
  const members: string[] = [];
  // Default sort compares UTF-16 code units: locale-independent, so every process agrees.
  for (const key of Object.keys(value).sort()) {
    const member: JsonValue | undefined = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

// Array.isArray does not narrow a readonly array out of a union, so it is wrapped here.
function isJsonArray(value: readonly JsonValue[] | JsonObject): value is readonly JsonValue[] {
  return Array.isArray(value);
}

import { isSupportedCountry, parsePhoneNumberWithError, ParseError, type CountryCode, type NumberType } from 'libphonenumber-js/max';

/** What kind of line a number is. */
export type PhoneKind = 'landline' | 'mobile' | 'fax' | 'other';

/** A phone number normalised for storage and lookup. */
export interface NormalisedPhone {
  /** E.164, e.g. `+49891234567`: one spelling per line, so lookups are equality matches. */
  readonly e164: string;
  /** Digits of an extension given with the number (`… ext. 12`); null when none. */
  readonly extension: string | null;
  /** The kind the numbering plan says the number is (mobile or landline), `other` when it cannot tell. */
  readonly kind: PhoneKind;
}

/** A parsed number, or what is wrong with the input (phrased to follow a field name). */
export type PhoneParse = { readonly ok: true; readonly phone: NormalisedPhone } | { readonly ok: false; readonly problem: string };

/** True when `country` is an ISO 3166-1 alpha-2 code the phone metadata covers (e.g. `DE`). */
export function isPhoneCountry(country: string): country is CountryCode {
  return isSupportedCountry(country);
}

/**
 * Normalises a number written in any common notation ("+49 89 1234567", "089 1234567",
 * "0049891234567", "(089) 123-4567") to E.164, reading national numbers as numbers of
 * `defaultCountry`. Uses the full ("max") metadata, so a number is refused unless it is a valid
 * number of its country, not merely of plausible length: a typo should fail at the upsert, not
 * leave a contact no caller can ever match.
 */
export function normalisePhoneNumber(raw: string, defaultCountry: string): PhoneParse {
  const input = raw.trim();
  if (!input) return { ok: false, problem: 'must not be empty' };
  if (!isPhoneCountry(defaultCountry)) return { ok: false, problem: `cannot be read with the unknown default country "${defaultCountry}"` };
  try {
    const parsed = parsePhoneNumberWithError(input, defaultCountry);
    if (!parsed.isValid()) return { ok: false, problem: `is not a valid phone number (read as ${parsed.number})` };
    return { ok: true, phone: { e164: parsed.number, extension: parsed.ext ?? null, kind: kindOf(parsed.getType()) } };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: `is not a phone number (${error.message.toLowerCase().replaceAll('_', ' ')})` };
    throw error;
  }
}

function kindOf(type: NumberType): PhoneKind {
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return 'landline';
  return 'other';
}

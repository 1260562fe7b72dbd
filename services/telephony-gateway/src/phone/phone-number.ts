import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** A party's number as the PBX sent it and, when it is a valid number, in E.164. */
export interface PartyNumber {
  /** As sent, trimmed; empty when withheld. */
  readonly raw: string;
  /** E.164 (`+4930123456`) when the number is valid; null for withheld numbers, extensions and the like. */
  readonly e164: string | null;
}

/** What a PBX sends for a withheld number (CLIR) instead of digits. */
const WITHHELD = new Set(['', 'anonymous', 'unknown', 'restricted', 'private', 'withheld', 'unavailable', 'clir']);
// Digits with the separators people and PBXs write (+49 (0)30 123-456, 0049.30/123456); a SIP
// URI's user part is taken as the number.
const NUMBER_LIKE = /^\+?[\d\s()./-]*$/;
const MAX_LENGTH = 40;

/** A number that cannot be one: letters, a SIP URI with a host of letters only, or too long. */
export class MalformedNumberError extends Error {
  override readonly name = 'MalformedNumberError';
}

/**
 * Reads a party number: withheld markers give an empty raw number, a valid number its E.164
 * form (national numbers read as numbers of `defaultCountry`), a short internal extension or an
 * invalid number only its raw form. Throws {@link MalformedNumberError} for input that is no
 * phone number at all, so a broken integration is told instead of filling call records with junk.
 */
export function readPartyNumber(input: string, defaultCountry: CountryCode): PartyNumber {
  const trimmed = input.trim();
  const sipUser = /^sips?:([^@;]+)(@[^;]*)?$/i.exec(trimmed)?.[1];
  const value = sipUser ?? trimmed;
  if (WITHHELD.has(value.toLowerCase())) return { raw: '', e164: null };
  if (value.length > MAX_LENGTH || !NUMBER_LIKE.test(value) || !/\d/.test(value)) {
    throw new MalformedNumberError(`"${truncate(value)}" is not a phone number`);
  }
  const parsed = parsePhoneNumberFromString(value.replace(/^00/, '+'), defaultCountry);
  return { raw: value, e164: parsed?.isValid() ? parsed.number : null };
}

function truncate(value: string): string {
  return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
}

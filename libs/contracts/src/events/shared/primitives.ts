import { z } from 'zod';

/** A UUID (any RFC 9562 version; the platform mints UUIDv7). */
export const uuidSchema = z.uuid();

/** An RFC 3339 instant with `Z` or an explicit offset, e.g. `2026-11-23T10:15:00.000Z`. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** A calendar date `YYYY-MM-DD` without a time zone (contract validity, billing periods). */
export const dateSchema = z.iso.date();

/** An ISO 4217 currency code in upper case, e.g. `EUR`. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' });

/** A phone number normalised to E.164, e.g. `+4930123456`. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{1,14}$/, { message: 'must be an E.164 number such as +4930123456' });

/**
 * A mail address as it appeared on the wire. Deliberately looser than `z.email()`: inbound mail
 * carries addresses (`root@localhost`, quoted local parts) that a strict check would reject.
 */
export const mailAddressSchema = z.string().regex(/^[^\s@]+@[^\s@]+$/, { message: 'must be a mail address' });

/** A BCP 47 language tag of the subset the platform uses, e.g. `de`, `en`, `de-AT`. */
export const languageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'must be a language tag such as de or en-GB' });

/** An exact decimal written as a string (quantities), e.g. `1.5`; never a binary float. */
export const decimalStringSchema = z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'must be a decimal such as 1.5' });

/** A lower-case hex SHA-256 digest (content address of a stored file). */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a lower-case hex SHA-256 digest' });

/** A free-form, non-empty label such as a tag, category key or activity type. */
export const labelSchema = z.string().min(1).max(200);

import { contactUpsertedV1, type ContactUpsertedV1 } from '@helpdesk/contracts';
import { invalidField } from '../../tickets/ticket.errors';
import { directoryEventBase, type DirectoryRecord } from '../directory-record';
import { normalisePhoneNumber, type PhoneKind } from './phone-number';

/** A mail address of a contact, stored lower-case. */
export type ContactEmail = { readonly address: string; readonly primary: boolean };

/** A phone number of a contact, stored in E.164. */
export type ContactPhone = {
  readonly number: string;
  readonly kind: PhoneKind;
  readonly primary: boolean;
  readonly extension: string | null;
};

/** A contact's own fields. */
export type ContactData = {
  readonly customerId: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  readonly emails: readonly ContactEmail[];
  readonly phones: readonly ContactPhone[];
  readonly language: string | null;
};

/** A person at a customer or supplier. */
export type Contact = DirectoryRecord<ContactData>;

/** Contact fields as a client sends them: phone numbers in any notation, kinds optional. */
export interface ContactInput {
  readonly customerId: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  readonly emails: readonly { readonly address: string; readonly primary: boolean }[];
  readonly phones: readonly { readonly number: string; readonly kind: PhoneKind | undefined; readonly primary: boolean }[];
  readonly language: string | null;
}

/**
 * The stored form of a contact's fields: mail addresses lower-cased, phone numbers in E.164
 * (an invalid one is INVALID_FIELD naming `phones[i].number`), duplicates merged (the first
 * keeps its place, a primary flag on any copy carries over), and exactly one primary address
 * and number when there are any (the first, unless one is marked). A missing display name is
 * made of first and last name.
 */
export function normaliseContact(input: ContactInput, defaultCountry: string): ContactData {
  const displayName = input.displayName.trim() || `${input.firstName.trim()} ${input.lastName.trim()}`.trim();
  if (!displayName) throw invalidField('displayName', 'must not be empty when first and last name are empty');
  const emails = mergeByKey(
    input.emails.map((email) => ({ ...email, address: email.address.trim().toLowerCase() })),
    (email) => email.address,
  );
  const phones = mergeByKey(
    input.phones.map((phone, index): ContactPhone => {
      const parsed = normalisePhoneNumber(phone.number, defaultCountry);
      if (!parsed.ok) throw invalidField(`phones[${index}].number`, parsed.problem);
      return { number: parsed.phone.e164, kind: phone.kind ?? parsed.phone.kind, primary: phone.primary, extension: parsed.phone.extension };
    }),
    (phone) => `${phone.number};${phone.extension ?? ''}`,
  );
  return {
    customerId: input.customerId,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    displayName,
    emails: onePrimary(emails, 'emails'),
    phones: onePrimary(phones, 'phones'),
    language: input.language,
  };
}

function mergeByKey<T extends { readonly primary: boolean }>(items: readonly T[], key: (item: T) => string): T[] {
  const merged = new Map<string, T>();
  for (const item of items) {
    const seen = merged.get(key(item));
    merged.set(key(item), seen ? { ...seen, primary: seen.primary || item.primary } : item);
  }
  return [...merged.values()];
}

function onePrimary<T extends { readonly primary: boolean }>(items: readonly T[], field: string): T[] {
  const marked = items.filter((item) => item.primary).length;
  if (marked > 1) throw invalidField(field, 'may mark only one entry as primary');
  return items.map((item, index) => ({ ...item, primary: marked === 0 ? index === 0 : item.primary }));
}

/** `helpdesk.directory.contact.upserted.v1` for the contact's current version (extensions stay internal). */
export function contactUpserted(contact: Contact) {
  const { data } = contact;
  const event: ContactUpsertedV1 = {
    contactId: contact.id,
    customerId: data.customerId,
    firstName: data.firstName,
    lastName: data.lastName,
    displayName: data.displayName,
    emails: data.emails.map(({ address, primary }) => ({ address, primary })),
    phones: data.phones.map(({ number, kind, primary }) => ({ number, kind, primary })),
    language: data.language,
    ...directoryEventBase(contact),
  };
  return { type: contactUpsertedV1.type, subject: contact.id, time: contact.updatedAt, data: event };
}

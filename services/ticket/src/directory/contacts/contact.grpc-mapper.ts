import { directoryV1, mailAddressSchema } from '@helpdesk/contracts';
import { z } from 'zod';
import { protoEnumSchema } from '../../tickets/ticket-enums.grpc-mapper';
import {
  optionalCountry,
  optionalId,
  optionalLanguage,
  pageRequest,
  recordMessageFields,
  requiredId,
  text,
  upsertFields,
  upsertTarget,
} from '../directory-common.grpc-mapper';
import type { PageRequest } from '../directory-page';
import type { Contact } from './contact';
import type { ContactFilter } from './contacts.repository';
import type { ContactUpsert } from './contacts.service';
import type { PhoneKind } from './phone-number';

const { PhoneKind: Kind } = directoryV1;

/** Phone kind → `PhoneKind`. */
export const PHONE_KIND_TO_PROTO: Readonly<Record<PhoneKind, directoryV1.PhoneKind>> = {
  landline: Kind.PHONE_KIND_LANDLINE,
  mobile: Kind.PHONE_KIND_MOBILE,
  fax: Kind.PHONE_KIND_FAX,
  other: Kind.PHONE_KIND_OTHER,
};

const email = text.trim().pipe(mailAddressSchema);

/**
 * `UpsertContactRequest` → {@link ContactUpsert}. Phone numbers are only checked to be strings
 * here: the service normalises them with the request's or the configured default country and
 * names `phones[i].number` when one is not a valid number.
 */
export const upsertContactRequestSchema = z
  .object({
    ...upsertFields,
    customerId: optionalId,
    customerNumber: text.trim(),
    firstName: text,
    lastName: text,
    displayName: text,
    emails: z.array(z.object({ address: email, primary: z.boolean() })),
    phones: z.array(z.object({ number: text, kind: protoEnumSchema(PHONE_KIND_TO_PROTO, Kind.PHONE_KIND_UNSPECIFIED), primary: z.boolean() })),
    defaultCountry: optionalCountry,
    language: optionalLanguage,
  })
  .transform(
    ({ id, externalSystem, externalId, expectedVersion, archived, customerId, customerNumber, defaultCountry, ...contact }, ctx): ContactUpsert => ({
      ...upsertTarget({ id, externalSystem, externalId, expectedVersion }, ctx),
      customer: { id: customerId, number: customerNumber || null },
      contact,
      defaultCountry,
      active: !archived,
    }),
  );

/** `GetContactRequest` → the contact's id. */
export const getContactRequestSchema = z.object({ id: requiredId });

/** `ListContactsRequest` → filter and page. */
export const listContactsRequestSchema = z
  .object({ customerId: optionalId, text: text.trim(), includeArchived: z.boolean(), page: pageRequest })
  .transform(({ customerId, text: t, includeArchived, page }): { filter: ContactFilter; page: PageRequest } => ({
    filter: { ...(customerId ? { customerId } : {}), ...(t ? { text: t } : {}), includeArchived },
    page,
  }));

/** `FindContactByEmailRequest` → the address. */
export const findContactByEmailRequestSchema = z.object({ email });

/** `FindContactByPhoneRequest` → the number and the country for national numbers. */
export const findContactByPhoneRequestSchema = z.object({ phoneNumber: text.trim().min(1, 'must not be empty'), defaultCountry: optionalCountry });

/** A contact as the `Contact` message. */
export function toContactMessage(contact: Contact): directoryV1.Contact {
  const { data } = contact;
  return {
    id: contact.id,
    customerId: data.customerId ?? '',
    firstName: data.firstName,
    lastName: data.lastName,
    displayName: data.displayName,
    emails: data.emails.map((e) => ({ address: e.address, primary: e.primary })),
    phones: data.phones.map((p) => ({ number: p.number, kind: PHONE_KIND_TO_PROTO[p.kind], primary: p.primary, extension: p.extension ?? '' })),
    language: data.language ?? '',
    ...recordMessageFields(contact),
  };
}

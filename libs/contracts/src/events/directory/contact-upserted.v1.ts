import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { directoryEntityBaseSchema } from '../shared/directory-entity';
import { e164Schema, languageSchema, mailAddressSchema, uuidSchema } from '../shared/primitives';

const schema = directoryEntityBaseSchema.extend({
  contactId: uuidSchema.describe('Id of the contact (a person).'),
  customerId: uuidSchema.nullable().describe('Organisation the contact belongs to (customer or supplier); null for private persons not yet assigned.'),
  firstName: z.string().describe('Given name; may be empty.'),
  lastName: z.string().describe('Family name; may be empty.'),
  displayName: z.string().min(1).describe('Name for display, e.g. "Max Mustermann".'),
  emails: z
    .array(
      z.object({
        address: mailAddressSchema.describe('Mail address, stored lower-case.'),
        primary: z.boolean().describe('True for the address outbound mail goes to; at most one is primary.'),
      }),
    )
    .describe('All mail addresses of the contact; the mail gateway recognises senders by them. Empty when none.'),
  phones: z
    .array(
      z.object({
        number: e164Schema.describe('Number normalised to E.164; the telephony gateway recognises callers by it.'),
        kind: z.enum(['landline', 'mobile', 'fax', 'other']).describe('What kind of line it is.'),
        primary: z.boolean().describe('True for the number callbacks go to; at most one is primary.'),
      }),
    )
    .describe('All phone numbers of the contact; empty when none.'),
  language: languageSchema.nullable().describe('Preferred language (templates, auto-acknowledgements); null for the customer\'s or platform default.'),
});

/** `helpdesk.directory.contact.upserted.v1`: a contact was created or changed. */
export const contactUpsertedV1 = defineEvent({
  type: 'helpdesk.directory.contact.upserted.v1',
  domain: 'directory',
  description:
    'A contact was created (version 1) or changed; carries the whole record with all mail addresses and E.164 phone numbers, so gateways keep a local lookup read model.',
  schema,
  example: {
    contactId: '01936a00-2222-7aaa-8bbb-000000000002',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    firstName: 'Max',
    lastName: 'Mustermann',
    displayName: 'Max Mustermann',
    emails: [{ address: 'max.mustermann@example.com', primary: true }],
    phones: [
      { number: '+4930123456', kind: 'landline', primary: true },
      { number: '+491701234567', kind: 'mobile', primary: false },
    ],
    language: 'de',
    version: 2,
    externalId: 'CRM-4711',
    active: true,
    updatedAt: '2026-11-20T09:05:00.000Z',
  },
});

/** Data of `helpdesk.directory.contact.upserted.v1`. */
export type ContactUpsertedV1 = z.infer<typeof schema>;

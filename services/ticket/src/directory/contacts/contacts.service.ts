import { scopeOf, type Caller } from '@helpdesk/auth';
import { invalidField, TicketError } from '../../tickets/ticket.errors';
import { CustomersRepository, type CustomerRef } from '../customers/customers.repository';
import type { Page, PageRequest } from '../directory-page';
import type { UpsertDecision } from '../directory-record';
import type { DirectoryStore, UpsertTarget } from '../directory-store';
import { contactUpserted, normaliseContact, type Contact, type ContactData, type ContactInput } from './contact';
import { ContactsRepository, type ContactFilter, type ContactMatch } from './contacts.repository';
import { normalisePhoneNumber } from './phone-number';

/** An UpsertContact request as the service takes it. */
export interface ContactUpsert extends UpsertTarget {
  readonly customer: CustomerRef;
  readonly contact: Omit<ContactInput, 'customerId'>;
  /** Country of numbers without country code; null for the configured default. */
  readonly defaultCountry: string | null;
  readonly active: boolean;
}

/** A phone lookup's result: the match and the number searched for. */
export interface PhoneMatch extends ContactMatch {
  readonly normalizedNumber: string;
}

/** Contacts: upserts with E.164 normalisation, scoped reads, and the gateways' lookups. */
export class ContactsService {
  readonly contacts = new ContactsRepository();
  private readonly customers = new CustomersRepository();

  constructor(private readonly store: DirectoryStore) {}

  upsert(caller: Caller, request: ContactUpsert): Promise<UpsertDecision<ContactData>> {
    const country = request.defaultCountry ?? this.store.settings.defaultCountry;
    return this.store.transaction(async (manager) => {
      const customerId = await this.customers.resolve(manager, request.customer, { id: 'customerId', number: 'customerNumber' });
      const data = normaliseContact({ ...request.contact, customerId }, country);
      return this.store.upsert(manager, caller, this.contacts.table, request, { data, active: request.active }, contactUpserted);
    });
  }

  get(caller: Caller, id: string): Promise<Contact> {
    return this.contacts.get(this.store.reader, scopeOf(caller), id);
  }

  list(caller: Caller, filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    return this.contacts.list(this.store.reader, scopeOf(caller), filter, page);
  }

  /** The contact with this mail address, compared case-insensitively; CONTACT_NOT_FOUND when none. */
  async findByEmail(caller: Caller, email: string): Promise<ContactMatch> {
    const address = email.trim().toLowerCase();
    const match = await this.contacts.findByEmail(this.store.reader, scopeOf(caller), address);
    if (!match) throw new TicketError('CONTACT_NOT_FOUND', `no contact has the mail address ${address}`);
    return match;
  }

  /** The contact with this number in any notation, normalised like stored numbers; CONTACT_NOT_FOUND when none. */
  async findByPhone(caller: Caller, phoneNumber: string, defaultCountry: string | null): Promise<PhoneMatch> {
    const parsed = normalisePhoneNumber(phoneNumber, defaultCountry ?? this.store.settings.defaultCountry);
    if (!parsed.ok) throw invalidField('phoneNumber', parsed.problem);
    const normalizedNumber = parsed.phone.e164;
    const match = await this.contacts.findByPhone(this.store.reader, scopeOf(caller), normalizedNumber);
    if (!match) throw new TicketError('CONTACT_NOT_FOUND', `no contact has the phone number ${normalizedNumber}`);
    return { ...match, normalizedNumber };
  }
}

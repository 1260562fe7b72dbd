import type { CustomerScope } from '@helpdesk/auth';
import type { EntityManager } from 'typeorm';
import type { Page, PageRequest } from '../directory-page';
import { ConditionList, containsPattern, DirectoryTable, type RecordRow } from '../directory-table';
import type { Contact, ContactData, ContactEmail, ContactPhone } from './contact';

/** What ListContacts selects. */
export interface ContactFilter {
  readonly customerId?: string;
  readonly text?: string;
  readonly includeArchived: boolean;
}

/** The contact a lookup found and how many contacts matched. */
export interface ContactMatch {
  readonly contact: Contact;
  readonly matchCount: number;
}

const table = new DirectoryTable<ContactData>({
  table: 'contacts',
  entity: 'contact',
  notFound: 'CONTACT_NOT_FOUND',
  dataColumns: 'customer_id, first_name, last_name, display_name, emails, phones, language',
  dataFromRow: (row: RecordRow): ContactData => ({
    customerId: row['customer_id'] as string | null,
    firstName: row['first_name'] as string,
    lastName: row['last_name'] as string,
    displayName: row['display_name'] as string,
    emails: row['emails'] as ContactEmail[],
    phones: row['phones'] as ContactPhone[],
    language: row['language'] as string | null,
  }),
  dataValues: (data) => ({
    customer_id: data.customerId,
    first_name: data.firstName,
    last_name: data.lastName,
    display_name: data.displayName,
    emails: JSON.stringify(data.emails),
    phones: JSON.stringify(data.phones),
    language: data.language,
  }),
  uniqueFields: { contacts_external_key: 'externalId' },
});

/**
 * Contact queries. A customer token reads only its own contact. Lookups by mail address or
 * phone number are jsonb containment queries on GIN indexes; when several contacts share the
 * address or number, the active one changed most recently wins (the one a person most likely
 * means), and the count tells the caller that the match was ambiguous.
 */
export class ContactsRepository {
  readonly table = table;

  get(manager: EntityManager, scope: CustomerScope, id: string): Promise<Contact> {
    return scope.kind === 'customer' ? table.require(manager, id, 'AND id = $2', [scope.contactId]) : table.require(manager, id);
  }

  list(manager: EntityManager, scope: CustomerScope, filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const conditions = new ConditionList();
    if (scope.kind === 'customer') conditions.add((n) => `id = ${n}`, scope.contactId);
    if (filter.customerId) conditions.add((n) => `customer_id = ${n}`, filter.customerId);
    if (filter.text) {
      conditions.add((n) => `(display_name ILIKE ${n} OR EXISTS (SELECT 1 FROM jsonb_array_elements(emails) e WHERE e->>'address' ILIKE ${n}))`, containsPattern(filter.text));
    }
    if (!filter.includeArchived) conditions.raw('active');
    const selection = { customerId: filter.customerId ?? null, text: filter.text ?? null, includeArchived: filter.includeArchived };
    return table.page(manager, conditions, 'lower(display_name)', selection, page);
  }

  /** The contact with this (lower-case) mail address. */
  findByEmail(manager: EntityManager, scope: CustomerScope, address: string): Promise<ContactMatch | undefined> {
    return this.findContaining(manager, scope, 'emails', [{ address }]);
  }

  /** The contact with this E.164 number. */
  findByPhone(manager: EntityManager, scope: CustomerScope, e164: string): Promise<ContactMatch | undefined> {
    return this.findContaining(manager, scope, 'phones', [{ number: e164 }]);
  }

  private async findContaining(manager: EntityManager, scope: CustomerScope, column: 'emails' | 'phones', probe: unknown): Promise<ContactMatch | undefined> {
    const values: unknown[] = [JSON.stringify(probe)];
    let where = `${column} @> $1::jsonb`;
    if (scope.kind === 'customer') {
      values.push(scope.customerId);
      where += ' AND customer_id = $2';
    }
    const rows = (await manager.query(
      `SELECT id, count(*) OVER () AS matches FROM contacts WHERE ${where} ORDER BY active DESC, updated_at DESC, id DESC LIMIT 1`,
      values,
    )) as { id: string; matches: string }[];
    const [first] = rows;
    if (!first) return undefined;
    return { contact: await table.require(manager, first.id), matchCount: Number(first.matches) };
  }
}

import { uuidv7 } from '@helpdesk/messaging';
import type { DataSource } from 'typeorm';
import { MailError } from '../errors/mail.errors';
import type { Mailbox, NewMailbox } from './mailbox';
import { MailboxesRepository } from './mailboxes.repository';

/** Creating and listing mailboxes. */
export class MailboxesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: NewMailbox): Promise<Mailbox> {
    const mailbox: Mailbox = { ...input, id: uuidv7(), createdAt: this.clock() };
    const inserted = await new MailboxesRepository(this.dataSource.manager).insert(mailbox);
    if (!inserted) throw new MailError('MAILBOX_ADDRESS_TAKEN', `another mailbox has the address ${mailbox.address}`);
    return mailbox;
  }

  list(after: string | null, size: number): Promise<Mailbox[]> {
    return new MailboxesRepository(this.dataSource.manager).page(after, size);
  }
}

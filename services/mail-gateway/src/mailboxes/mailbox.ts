/** An IMAP account the gateway polls for a mailbox. */
export interface ImapAccount {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly username: string;
  readonly password: string;
  readonly folder: string;
}

/** A mailbox of the service desk: an address mail arrives at and is sent from. */
export interface Mailbox {
  readonly id: string;
  readonly name: string;
  /** Lower-case. */
  readonly address: string;
  /** Template language, e.g. `de`; null for the configured default. */
  readonly language: string | null;
  readonly defaultQueueId: string | null;
  readonly defaultCategory: string | null;
  readonly imap: ImapAccount | null;
  readonly createdAt: Date;
}

/** What CreateMailbox takes, validated. */
export type NewMailbox = Omit<Mailbox, 'id' | 'createdAt'>;

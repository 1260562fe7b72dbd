import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail gateway's tables:
 * - `mailboxes`: addresses the listener accepts and IMAP accounts it polls, with their routing
 *   defaults (queue, category, language);
 * - `raw_messages`: every accepted inbound mail byte for byte (the audit original), unique by
 *   Message-ID plus content hash, so a redelivered or re-fetched mail is stored once;
 * - `mail_files` + `mail_attachments`: attachment content by SHA-256 (stored once) and which
 *   part of which mail it was, so attachments are served by reference;
 * - `mail_threads`: the Message-ID ↔ ticket map (inbound and outbound);
 * - `mail_tickets`, `ticket_addresses`, `contact_addresses`, `agent_addresses`: read models of
 *   ticket numbers and participants, kept from ticket and directory events, for threading;
 * - `auto_ack_grants`: auto-acknowledgements allowed per sender, for the hourly rate limit;
 * - `outbound_mails`: outbound delivery state (the queue the sender works off).
 */
export class CreateMailGateway1732370500000 implements MigrationInterface {
  name = 'CreateMailGateway1732370500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mailboxes (
        id               uuid PRIMARY KEY,
        name             text        NOT NULL,
        address          text        NOT NULL UNIQUE CHECK (address = lower(address)),
        language         text,
        default_queue_id uuid,
        default_category text,
        imap             jsonb,
        created_at       timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE raw_messages (
        id                uuid PRIMARY KEY,
        mailbox_id        uuid        NOT NULL REFERENCES mailboxes (id),
        message_id_header text        NOT NULL,
        sha256            text        NOT NULL,
        size_bytes        integer     NOT NULL,
        raw               bytea       NOT NULL,
        source            text        NOT NULL CHECK (source IN ('smtp', 'imap')),
        -- From, Reply-To and Cc: they become participants of the ticket the mail opens or joins.
        addresses         text[]      NOT NULL,
        received_at       timestamptz NOT NULL
      )`);
    // Message-ID plus content hash: the same mail delivered twice (an MTA retry after a lost 250,
    // an IMAP fetch repeated after a crash) is stored once; '' stands for "no Message-ID".
    await q.query(`CREATE UNIQUE INDEX raw_messages_dedup ON raw_messages (message_id_header, sha256)`);
    await q.query(`
      CREATE TABLE mail_files (
        sha256  text PRIMARY KEY,
        content bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE mail_attachments (
        mail_id      uuid    NOT NULL REFERENCES raw_messages (id),
        part_id      text    NOT NULL,
        sha256       text    NOT NULL REFERENCES mail_files (sha256),
        file_name    text    NOT NULL,
        content_type text    NOT NULL,
        size_bytes   integer NOT NULL,
        PRIMARY KEY (mail_id, part_id)
      )`);
    await q.query(`CREATE INDEX mail_attachments_sha256 ON mail_attachments (sha256)`);
    await q.query(`
      CREATE TABLE mail_threads (
        message_id_header text PRIMARY KEY,
        ticket_id         uuid NOT NULL,
        ticket_message_id uuid,
        mail_id           uuid,
        outbound_id       uuid
      )`);
    // An outbound reply's In-Reply-To: the Message-ID of the ticket message it answers.
    await q.query(`CREATE INDEX mail_threads_ticket_message ON mail_threads (ticket_message_id) WHERE ticket_message_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE mail_tickets (
        ticket_id  uuid PRIMARY KEY,
        number     text    NOT NULL UNIQUE,
        version    integer NOT NULL,
        contact_id uuid,
        mailbox_id uuid,
        mail_id    uuid
      )`);
    // The subject tag's lookup: customers retype tags in any case.
    await q.query(`CREATE INDEX mail_tickets_number_upper ON mail_tickets (upper(number))`);
    await q.query(`
      CREATE TABLE ticket_addresses (
        ticket_id uuid NOT NULL,
        address   text NOT NULL,
        PRIMARY KEY (ticket_id, address)
      )`);
    await q.query(`
      CREATE TABLE contact_addresses (
        contact_id uuid    NOT NULL,
        address    text    NOT NULL,
        version    integer NOT NULL,
        PRIMARY KEY (contact_id, address)
      )`);
    await q.query(`
      CREATE TABLE agent_addresses (
        agent_id uuid PRIMARY KEY,
        address  text NOT NULL
      )`);
    await q.query(`CREATE INDEX agent_addresses_address ON agent_addresses (address)`);
    await q.query(`
      CREATE TABLE auto_ack_grants (
        address    text        NOT NULL,
        granted_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX auto_ack_grants_address ON auto_ack_grants (address, granted_at)`);
    await q.query(`
      CREATE TABLE outbound_mails (
        id                uuid PRIMARY KEY,
        mailbox_id        uuid        NOT NULL REFERENCES mailboxes (id),
        ticket_id         uuid,
        ticket_message_id uuid UNIQUE,
        purpose           text        NOT NULL,
        message_id_header text        NOT NULL UNIQUE,
        in_reply_to       text,
        "references"      text[]      NOT NULL,
        to_addresses      text[]      NOT NULL,
        cc_addresses      text[]      NOT NULL,
        subject           text        NOT NULL,
        text_body         text        NOT NULL,
        html_body         text,
        attachments       jsonb       NOT NULL,
        status            text        NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts          integer     NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL,
        last_reply        jsonb,
        created_at        timestamptz NOT NULL
      )`);
    // The sender's claim: due queued mail, oldest first.
    await q.query(`CREATE INDEX outbound_mails_due ON outbound_mails (next_attempt_at) WHERE status IN ('queued', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['outbound_mails', 'auto_ack_grants', 'agent_addresses', 'contact_addresses', 'ticket_addresses', 'mail_tickets', 'mail_threads', 'mail_attachments', 'mail_files', 'raw_messages', 'mailboxes']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

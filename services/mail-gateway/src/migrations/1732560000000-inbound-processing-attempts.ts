import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored mail whose processing keeps failing is not retried forever:
 * - `processing_failures`: how often processing this mail on its own failed (the batch fallback
 *   and every recovery pass count); at MAIL_PROCESSING_MAX_ATTEMPTS it is given up.
 * - `processing_error`: the last failure's message, for operators and the give-up note.
 * - `given_up_at`: when it was published minimally instead (envelope, readable headers, a parse
 *   note, the raw reference); `processed_at` is set then too, so recovery leaves it alone.
 */
export class InboundProcessingAttempts1732560000000 implements MigrationInterface {
  name = 'InboundProcessingAttempts1732560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raw_messages ADD COLUMN processing_failures int NOT NULL DEFAULT 0, ADD COLUMN processing_error text, ADD COLUMN given_up_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raw_messages DROP COLUMN given_up_at, DROP COLUMN processing_error, DROP COLUMN processing_failures`);
  }
}

import { Client } from 'pg';

/**
 * Makes the gateway's database refuse to store an attachment named `fileName` (a trigger that
 * raises), so that processing a mail carrying it fails in PostgreSQL — a real failure of the
 * processing transaction for tests of what happens then, without mocking anything.
 */
export async function refuseAttachmentNamed(databaseUrl: string, fileName: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE OR REPLACE FUNCTION test_refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'attachment % refused by the test', NEW.file_name; END $$`);
    const literal = fileName.replace(/'/g, "''");
    await client.query(`CREATE TRIGGER test_refuse_${Date.now()} BEFORE INSERT ON mail_attachments FOR EACH ROW WHEN (NEW.file_name = '${literal}') EXECUTE FUNCTION test_refuse_attachment()`);
  } finally {
    await client.end();
  }
}

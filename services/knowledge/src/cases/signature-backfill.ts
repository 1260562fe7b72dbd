import { SignatureBandsRepository, type Queryable } from './signature-bands.repository';

/**
 * Adds the LSH bands of every stored article (the migration that introduces them; a bulk load
 * that writes articles straight into the table). Reads the articles in id order, `chunk` at a
 * time, so a large base never sits in memory at once. Returns the number of articles.
 * `withoutLanguage` computes the bands as before languages seeded them (a migration's down).
 */
export async function backfillSignatureBands(db: Queryable, chunk = 5_000, progress?: (done: number) => void, withoutLanguage = false): Promise<number> {
  const bands = new SignatureBandsRepository(db);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows = (await db.query(
      `SELECT id, language, title, problem, resolution FROM knowledge_articles WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2`,
      [after, chunk],
    )) as { id: string; language: string | null; title: string; problem: string; resolution: string }[];
    if (rows.length === 0) return done;
    await bands.add(withoutLanguage ? rows.map((row) => ({ ...row, language: null })) : rows);
    done += rows.length;
    after = rows[rows.length - 1]?.id ?? null;
    progress?.(done);
  }
}

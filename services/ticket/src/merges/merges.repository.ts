import type { EntityManager } from 'typeorm';
import type { MovedItems } from './ticket-merge';

/** Moves a ticket's messages, work log and tasks to another ticket. */
export class MergesRepository {
  /**
   * Re-points every message, work log entry and task of `sourceId` to `targetId` in one
   * statement: work entries reference their task and their voided entry by (id, ticket_id), and
   * those foreign keys hold only once all three have moved — which PostgreSQL checks at the end
   * of the statement. The append-only triggers let exactly this change (`ticket_id` alone) pass.
   */
  async moveAll(manager: EntityManager, sourceId: string, targetId: string): Promise<MovedItems> {
    const rows = (await manager.query(
      `WITH tasks AS (UPDATE ticket_tasks SET ticket_id = $2 WHERE ticket_id = $1 RETURNING id, created_at::text AS ord),
            work AS (UPDATE work_log_entries SET ticket_id = $2 WHERE ticket_id = $1 RETURNING id, lpad(position::text, 20, '0') AS ord),
            messages AS (UPDATE ticket_messages SET ticket_id = $2 WHERE ticket_id = $1 RETURNING id, lpad(seq::text, 20, '0') AS ord)
       SELECT 'task' AS kind, id, ord FROM tasks
       UNION ALL SELECT 'work', id, ord FROM work
       UNION ALL SELECT 'message', id, ord FROM messages
       ORDER BY kind, ord, id`,
      [sourceId, targetId],
    )) as { kind: 'task' | 'work' | 'message'; id: string }[];
    const of = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.id);
    return { messageIds: of('message'), workEntryIds: of('work'), taskIds: of('task') };
  }
}

import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import { BusinessCalendar } from '../business-time/business-calendar';
import { SlaError } from '../errors/sla.errors';
import { changedWindows } from '../recompute/changed-windows';
import { DueTimesRepository } from '../recompute/due-times.repository';
import type { RecomputeService } from '../recompute/recompute.service';
import type { Calendar, CalendarSettings } from './calendar';
import { calendarRulesOf } from './calendar-rules.factory';
import { CalendarsRepository } from './calendars.repository';

/** Days ahead compared even when no clock is due that late yet (a clock starting meanwhile under the old version). */
const LOOKAHEAD_MS = 400 * 86_400_000;

/** Creating, changing and listing calendars; a change recomputes every clock counting in it. */
export class CalendarsService {
  private readonly calendars = new CalendarsRepository();
  private readonly dueTimes = new DueTimesRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly recompute: RecomputeService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  create(id: string | null, settings: CalendarSettings): Promise<Calendar> {
    return withTransaction(this.dataSource, async (manager) => {
      const calendar: Calendar = { id: id ?? uuidv7(), version: 1, settings, updatedAt: this.clock() };
      if (!(await this.calendars.insert(manager, calendar))) throw new SlaError('ALREADY_EXISTS', `calendar ${calendar.id} exists already`, 'id');
      return calendar;
    });
  }

  async update(id: string, settings: CalendarSettings, expectedVersion: number): Promise<{ calendar: Calendar; recomputed: number }> {
    const { calendar, job } = await withTransaction(this.dataSource, async (manager) => {
      const current = await this.calendars.find(manager, id, true);
      if (!current) throw new SlaError('CALENDAR_NOT_FOUND', `calendar ${id} not found`);
      if (expectedVersion && expectedVersion !== current.version) throw new SlaError('VERSION_CONFLICT', `calendar ${id} is at version ${current.version}, not ${expectedVersion}`);
      const next: Calendar = { id, version: current.version + 1, settings, updatedAt: this.clock() };
      await this.calendars.update(manager, next);
      // Only clocks whose running span meets a day the change touches can get new due times.
      const now = this.clock().getTime();
      const span = await this.dueTimes.spanOfCalendar(manager, id);
      const windows = changedWindows(
        new BusinessCalendar(calendarRulesOf(current.settings)),
        new BusinessCalendar(calendarRulesOf(settings)),
        Math.min(span?.fromMs ?? now, now),
        Math.max(span?.toMs ?? now, now + LOOKAHEAD_MS),
      );
      // The job commits with the change, so a replica dying during the recompute leaves it for another.
      return { calendar: next, job: await this.recompute.jobs.enqueue(manager, { calendarId: id, windows }) };
    });
    return { calendar, recomputed: await this.recompute.run(job) };
  }

  list(after: { name: string; id: string } | null, limit: number): Promise<Calendar[]> {
    return this.calendars.page(this.dataSource.manager, after, limit);
  }
}

import { uuidv7 } from '@helpdesk/messaging';
import { withTransaction } from '@helpdesk/persistence';
import type { DataSource } from 'typeorm';
import type { RecomputeService } from '../clocks/recompute.service';
import { SlaError } from '../errors/sla.errors';
import type { Calendar, CalendarSettings } from './calendar';
import { CalendarsRepository } from './calendars.repository';

/** Creating, changing and listing calendars; a change recomputes every clock counting in it. */
export class CalendarsService {
  private readonly calendars = new CalendarsRepository();

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
    const calendar = await withTransaction(this.dataSource, async (manager) => {
      const current = await this.calendars.find(manager, id, true);
      if (!current) throw new SlaError('CALENDAR_NOT_FOUND', `calendar ${id} not found`);
      if (expectedVersion && expectedVersion !== current.version) throw new SlaError('VERSION_CONFLICT', `calendar ${id} is at version ${current.version}, not ${expectedVersion}`);
      const next: Calendar = { id, version: current.version + 1, settings, updatedAt: this.clock() };
      await this.calendars.update(manager, next);
      return next;
    });
    return { calendar, recomputed: await this.recompute.recompute({ calendarId: id }) };
  }

  list(after: { name: string; id: string } | null, limit: number): Promise<Calendar[]> {
    return this.calendars.page(this.dataSource.manager, after, limit);
  }
}

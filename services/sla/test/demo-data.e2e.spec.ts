import { DEMO_IDS } from '../src/demo/demo-policies';
import { startSlaApp, type SlaApp } from './support/sla-app';

jest.setTimeout(60_000);

describe('demo data', () => {
  let app: SlaApp;
  beforeAll(async () => {
    app = await startSlaApp('sla-demo', { DEMO_DATA: 'true' });
  });
  afterAll(() => app.stop());

  it('creates the German and the 24/7 calendar and the Silver, Gold and Platinum policies', async () => {
    const { policies } = await app.sla.call<{ policies: { id: string; name: string; calendarId: string }[] }>('ListPolicies', {}, app.tokens.agent);
    expect(policies.map((p) => [p.name, p.id])).toEqual([
      ['Gold', DEMO_IDS.gold],
      ['Platinum', DEMO_IDS.platinum],
      ['Silver', DEMO_IDS.silver],
    ]);
    const { calendars } = await app.sla.call<{ calendars: { id: string; settings: { holidayCountry: string; holidayRegion: string; alwaysOpen: boolean } }[] }>(
      'ListCalendars',
      {},
      app.tokens.agent,
    );
    expect(calendars.find((c) => c.id === DEMO_IDS.germanCalendar)?.settings).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY', alwaysOpen: false });
    expect(calendars.find((c) => c.id === DEMO_IDS.roundTheClock)?.settings.alwaysOpen).toBe(true);
  });
});

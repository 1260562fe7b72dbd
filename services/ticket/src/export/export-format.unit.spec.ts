import type { Ticket } from '../tickets/ticket';
import { csvColumns, exportRow, NO_NAMES } from './export-row';
import { isTimeZone } from '@helpdesk/config';
import { localTime } from './local-time';
import { describeSelection } from './selection-summary';
import { toWinAnsi } from './win-ansi';

const berlin = localTime('Europe/Berlin');

describe('localTime', () => {
  it('shows minutes in the zone, across daylight saving time', () => {
    expect(berlin.format(new Date('2026-11-24T08:30:59.000Z'))).toBe('2026-11-24 09:30');
    expect(berlin.format(new Date('2026-07-01T22:05:00.000Z'))).toBe('2026-07-02 00:05');
    expect(berlin.format(null)).toBe('');
    expect(berlin.stamp(new Date('2026-11-24T08:30:00.000Z'))).toBe('20261124-0930');
    expect(localTime('UTC').format(new Date('2026-11-24T00:00:00.000Z'))).toBe('2026-11-24 00:00');
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('toWinAnsi', () => {
  it('keeps what Helvetica can show and maps the rest', () => {
    expect(toWinAnsi('Grüße für 5 € – „gut“')).toBe('Grüße für 5 € – „gut“');
    expect(toWinAnsi('Łódź ő 漢 🚀')).toBe('?ódz o ? ?');
    expect(toWinAnsi('two\nlines\tand tab')).toBe('two lines and tab');
  });
});

describe('exportRow', () => {
  const ticket: Ticket = {
    id: '01936b2e-9a10-7b2c-8d3e-00000000000a',
    number: 'T-100001',
    version: 3,
    status: 'in_progress',
    priority: 'high',
    category: 'technical',
    channel: 'phone',
    customerId: '01936a00-1111-7aaa-8bbb-000000000001',
    contactId: null,
    contractId: null,
    assetIds: [],
    assigneeId: '01936a00-3333-7aaa-8bbb-000000000003',
    queueId: null,
    summary: 'VPN fails',
    description: '',
    tags: [],
    dueAt: new Date('2026-11-24T12:00:00.000Z'),
    warningAt: null,
    slaTrafficLight: 'red',
    slaOverdue: true,
    resolution: null,
    externalReferences: [],
    createdAt: new Date('2026-11-23T08:00:00.000Z'),
    updatedAt: new Date('2026-11-24T08:00:00.000Z'),
    resolvedAt: null,
    closedAt: null,
  };

  it('shows labels, names where known and ids otherwise, and times in the zone', () => {
    const names = { ...NO_NAMES, customers: new Map([[ticket.customerId ?? '', 'Müller GmbH (K-10023)']]) };
    const row = exportRow(ticket, names, berlin);
    expect(row).toMatchObject({
      status: 'in progress',
      customer: 'Müller GmbH (K-10023)',
      assignee: ticket.assigneeId,
      queue: '',
      due: '2026-11-24 13:00',
      trafficLight: 'red, overdue',
      light: 'red',
    });
    expect(csvColumns(berlin).map((c) => c.header)).toEqual([
      'number', 'summary', 'status', 'priority', 'category', 'customer', 'assignee', 'queue',
      'due (Europe/Berlin)', 'traffic light', 'created (Europe/Berlin)', 'updated (Europe/Berlin)',
    ]);
  });
});

describe('describeSelection', () => {
  it('lists the criteria and the order', () => {
    expect(describeSelection({ sort: 'created_desc' }, berlin)).toBe('all tickets · newest first');
    expect(
      describeSelection(
        { statuses: ['new', 'in_progress'], priorities: ['high'], tag: 'vip', overdueOnly: true, createdAfter: new Date('2026-11-01T00:00:00.000Z'), sort: 'urgency' },
        berlin,
      ),
    ).toBe('status: new, in progress · priority: high · overdue only · tag: vip · created from: 2026-11-01 01:00 · most urgent first');
  });
});

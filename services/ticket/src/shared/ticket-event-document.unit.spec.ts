import { isAssigned, namesNoAsset, routingFieldsOf } from './ticket-event-document';

const odd = [undefined, null, 'x', [], {}, { data: null }, { data: { ticket: [] } }, { data: { ticket: {} } }];

describe('namesNoAsset (undecoded ticket event)', () => {
  it('is true only for a document whose ticket has an empty asset list', () => {
    expect(namesNoAsset({ data: { ticket: { assetIds: [] } } })).toBe(true);
    expect(namesNoAsset({ data: { ticket: { assetIds: ['0195f3a0-0000-7000-8000-00000000a001'] } } })).toBe(false);
  });

  it('is false for anything shaped otherwise, which then is decoded and validated as usual', () => {
    for (const document of [...odd, { data: { ticket: { assetIds: 'none' } } }]) expect(namesNoAsset(document)).toBe(false);
  });
});

describe('isAssigned (undecoded ticket event)', () => {
  it('is true only for a document whose ticket names an assignee', () => {
    expect(isAssigned({ data: { ticket: { assigneeId: '0195f3a0-0000-7000-8000-00000000a001' } } })).toBe(true);
    expect(isAssigned({ data: { ticket: { assigneeId: null } } })).toBe(false);
  });

  it('is false for anything shaped otherwise', () => {
    for (const document of [...odd, { data: { ticket: { assigneeId: '' } } }, { data: { ticket: { assigneeId: 7 } } }]) expect(isAssigned(document)).toBe(false);
  });
});

describe('routingFieldsOf (undecoded ticket event)', () => {
  const ticket = { assigneeId: null, status: 'new', queueId: null, category: 'technical', priority: 'high', summary: 'x' };

  it('reads the fields queue routing decides on', () => {
    expect(routingFieldsOf({ data: { ticket } })).toEqual({ assigneeId: null, status: 'new', queueId: null, category: 'technical', priority: 'high' });
  });

  it('is undefined when a field is missing or of another type, so the event is decoded as usual', () => {
    for (const change of [{ status: 'lost' }, { priority: 'urgent' }, { queueId: 7 }, { queueId: '' }, { assigneeId: undefined }, { category: null }]) {
      expect(routingFieldsOf({ data: { ticket: { ...ticket, ...change } } })).toBeUndefined();
    }
    for (const document of odd) expect(routingFieldsOf(document)).toBeUndefined();
  });
});

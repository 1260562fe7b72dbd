import type { Actor } from '@helpdesk/contracts';
import { decideUpsert, type DirectoryRecord, type UpsertKey } from './directory-record';

type Data = { name: string; tags: readonly string[]; address: { city: string; zip: string } | null };

const admin: Actor = { kind: 'agent', id: null, displayName: 'admin' };
const erp: Actor = { kind: 'integration', id: null, displayName: 'erp-sync' };
const t0 = new Date('2026-11-01T08:00:00.000Z');
const t1 = new Date('2026-11-02T08:00:00.000Z');
const byErp: UpsertKey = { kind: 'external', ref: { system: 'erp', id: '4711' } };

const stored: DirectoryRecord<Data> = {
  id: 'c1',
  version: 3,
  data: { name: 'ACME', tags: ['a'], address: { city: 'Hamburg', zip: '20457' } },
  externalRef: { system: 'erp', id: '4711' },
  active: true,
  createdAt: t0,
  createdBy: admin,
  updatedAt: t0,
  updatedBy: admin,
};

describe('decideUpsert', () => {
  it('creates version 1 under the external key', () => {
    const { record, outcome } = decideUpsert(undefined, byErp, { data: stored.data, active: true }, { now: t1, actor: erp, newId: 'new' });
    expect(outcome).toBe('created');
    expect(record).toMatchObject({ id: 'new', version: 1, externalRef: { system: 'erp', id: '4711' }, createdAt: t1, updatedBy: erp });
  });

  it('changes nothing when the same content comes again, whatever the key order', () => {
    const same = { address: { zip: '20457', city: 'Hamburg' }, tags: ['a'], name: 'ACME' };
    const decision = decideUpsert(stored, byErp, { data: same, active: true }, { now: t1, actor: erp, newId: 'unused' });
    expect(decision).toEqual({ record: stored, outcome: 'unchanged' });
  });

  it('writes the next version when a field, the archived flag or the external key changes', () => {
    const ctx = { now: t1, actor: erp, newId: 'unused' };
    const renamed = decideUpsert(stored, byErp, { data: { ...stored.data, name: 'ACME GmbH' }, active: true }, ctx);
    expect(renamed).toMatchObject({ outcome: 'updated', record: { id: 'c1', version: 4, updatedAt: t1, updatedBy: erp, createdAt: t0 } });
    expect(decideUpsert(stored, byErp, { data: stored.data, active: false }, ctx)).toMatchObject({ outcome: 'updated', record: { active: false } });
    const linked = decideUpsert(stored, { kind: 'id', id: 'c1', externalRef: { system: 'crm', id: '9' } }, { data: stored.data, active: true }, ctx);
    expect(linked).toMatchObject({ outcome: 'updated', record: { externalRef: { system: 'crm', id: '9' } } });
  });

  it('keeps the external key when an update by id does not name one', () => {
    const decision = decideUpsert(stored, { kind: 'id', id: 'c1', externalRef: null }, { data: stored.data, active: true }, { now: t1, actor: admin, newId: 'x' });
    expect(decision.outcome).toBe('unchanged');
  });

  it('refuses a stale expected version, and an expected version for a record that does not exist', () => {
    const content = { data: stored.data, active: true };
    expect(() => decideUpsert(stored, byErp, content, { now: t1, actor: erp, newId: 'x', expectedVersion: 2 })).toThrow(expect.objectContaining({ code: 'VERSION_CONFLICT' }));
    expect(() => decideUpsert(undefined, byErp, content, { now: t1, actor: erp, newId: 'x', expectedVersion: 1 })).toThrow(expect.objectContaining({ code: 'VERSION_CONFLICT' }));
    expect(decideUpsert(stored, byErp, content, { now: t1, actor: erp, newId: 'x', expectedVersion: 3 }).outcome).toBe('unchanged');
  });
});

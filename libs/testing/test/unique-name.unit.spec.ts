import { uniqueName } from '../src';

describe('uniqueName', () => {
  it('makes lower-case identifiers safe for databases, subjects and streams', () => {
    expect(uniqueName('Outbox Relay #2')).toMatch(/^t_outbox_relay_2_[0-9a-f]{8}$/);
    expect(uniqueName()).toMatch(/^t_test_[0-9a-f]{8}$/);
  });
  it('does not repeat', () => {
    expect(new Set(Array.from({ length: 100 }, () => uniqueName('x'))).size).toBe(100);
  });
});

import { nextRoundRobinMember } from './round-robin';

const members = ['a', 'b', 'c', 'd'];
const everyone = () => true;

describe('nextRoundRobinMember', () => {
  it('starts with the first member and then goes round in member order', () => {
    expect(nextRoundRobinMember(members, null, everyone)).toBe('a');
    expect(nextRoundRobinMember(members, 'a', everyone)).toBe('b');
    expect(nextRoundRobinMember(members, 'c', everyone)).toBe('d');
    expect(nextRoundRobinMember(members, 'd', everyone)).toBe('a');
  });

  it('skips members who are not available, wrapping around', () => {
    const absent = new Set(['b', 'c']);
    const available = (id: string) => !absent.has(id);
    expect(nextRoundRobinMember(members, 'a', available)).toBe('d');
    expect(nextRoundRobinMember(members, 'd', available)).toBe('a');
    expect(nextRoundRobinMember(members, 'b', (id) => id === 'a')).toBe('a');
  });

  it('gives the turn back to the last member when nobody else is available', () => {
    expect(nextRoundRobinMember(members, 'c', (id) => id === 'c')).toBe('c');
  });

  it('restarts at the first member when the last one has left the queue', () => {
    expect(nextRoundRobinMember(members, 'gone', everyone)).toBe('a');
  });

  it('finds nobody in an empty queue or when everyone is away', () => {
    expect(nextRoundRobinMember([], null, everyone)).toBeNull();
    expect(nextRoundRobinMember(members, 'a', () => false)).toBeNull();
  });
});

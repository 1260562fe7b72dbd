import { randomUUID } from 'node:crypto';
import { bucketedIds, pgHashBytes, searchBucketOf } from './article-ids';

describe('article ids in runs of one search bucket', () => {
  it('hashes like PostgreSQL hashtext() (values from PostgreSQL 15)', () => {
    const hashtext = (text: string) => pgHashBytes(new TextEncoder().encode(text));
    expect(hashtext('')).toBe(-1477818771);
    expect(hashtext('a')).toBe(1075015857);
    expect(hashtext('abcd')).toBe(-393934804);
    expect(hashtext('abcdefgh')).toBe(-1960928205);
    expect(hashtext('abcdefghijk')).toBe(-1483803693);
    expect(hashtext('Größe ändern')).toBe(1304201522);
    expect(hashtext('0196b2c4-3f1e-7d2a-9c4b-5e6f7a8b9c0d')).toBe(-1222026319);
    expect(searchBucketOf('01936a00-1111-7aaa-8bbb-000000000001')).toBe(5);
    expect(searchBucketOf('0196B2C4-3F1E-7D2A-9C4B-5E6F7A8B9C0D')).toBe(1);
  });

  it('gives runs of ids one bucket each, in turn, changing only the last two hex digits', () => {
    const source = Array.from({ length: 12 }, () => randomUUID());
    let next = 0;
    const ids = bucketedIds(() => source[next++] ?? randomUUID(), 3, 15);
    const made = Array.from({ length: 12 }, () => ids());
    expect(made.map(searchBucketOf)).toEqual([15, 15, 15, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    made.forEach((id, i) => expect(id.slice(0, -2)).toBe(source[i]?.slice(0, -2)));
    expect(new Set(made).size).toBe(12);
  });
});

import { combineStatements } from './single-statement';

describe('combineStatements', () => {
  it('renumbers each statement\'s placeholders after the values before it', () => {
    const combined = combineStatements([
      { text: 'INSERT INTO a (x, y) VALUES ($1, $2)', values: [1, 2] },
      { text: 'INSERT INTO b (x) VALUES ($1)', values: ['b'] },
      { text: 'INSERT INTO c (x, y) VALUES ($2, $1)', values: ['c1', 'c2'] },
    ]);
    expect(combined.text).toBe(
      'WITH s1 AS (INSERT INTO a (x, y) VALUES ($1, $2)),\ns2 AS (INSERT INTO b (x) VALUES ($3)),\ns3 AS (INSERT INTO c (x, y) VALUES ($5, $4))\nSELECT 1',
    );
    expect(combined.values).toEqual([1, 2, 'b', 'c1', 'c2']);
  });

  it('renumbers two-digit placeholders as numbers, not digit by digit', () => {
    const values = Array.from({ length: 11 }, (_, i) => i);
    const combined = combineStatements([
      { text: 'SELECT $1', values: [0] },
      { text: 'SELECT $11, $1', values },
    ]);
    expect(combined.text).toContain('s2 AS (SELECT $12, $2)');
  });

  it('ends with the given query, e.g. one that reads what a conditional write returned', () => {
    const combined = combineStatements([{ text: 'INSERT INTO a (x) VALUES ($1) ON CONFLICT DO NOTHING RETURNING x', values: [1] }], 'SELECT count(*) AS n FROM s1');
    expect(combined.text).toBe('WITH s1 AS (INSERT INTO a (x) VALUES ($1) ON CONFLICT DO NOTHING RETURNING x)\nSELECT count(*) AS n FROM s1');
  });

  it('refuses an empty list', () => {
    expect(() => combineStatements([])).toThrow('no statement');
  });
});

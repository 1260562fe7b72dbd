import { clauseOf } from './tsquery-clauses';

describe('clauseOf (compiled clause → lexeme alternatives)', () => {
  it('reads OR-ed lexemes and split words as alternatives of required lexemes', () => {
    expect(clauseOf(`'wlan' | 'wifi' | 'funknetz'`)).toEqual([['wlan'], ['wifi'], ['funknetz']]);
    expect(clauseOf(`'e' & 'mail' | 'email'`)).toEqual([['e', 'mail'], ['email']]);
    expect(clauseOf(`'it''s' | 'back\\\\slash'`)).toEqual([["it's"], ['back\\slash']]);
  });

  it('refuses forms it cannot answer as a superset (the SQL plan serves them)', () => {
    expect(clauseOf(`!'wlan'`)).toBeNull();
    expect(clauseOf(`'wlan':*`)).toBeNull();
    expect(clauseOf(`'credit' <-> 'note'`)).toBeNull();
    expect(clauseOf(`'drucker' <2> 'nicht' | 'printer'`)).toBeNull();
    expect(clauseOf(`( 'a' | 'b' ) <-> 'c'`)).toBeNull();
    expect(clauseOf('')).toBeNull();
  });
});

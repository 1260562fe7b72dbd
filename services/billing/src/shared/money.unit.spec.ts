import { amountForMinutes, amountForQuantity, formatMinor, formatQuantity, hoursOf, mulDivRound, parseQuantity, taxOf } from './money';

describe('money', () => {
  it('rounds half away from zero once, in bigint', () => {
    expect(mulDivRound(1n, 1n, 2n)).toBe(1n);
    expect(mulDivRound(-1n, 1n, 2n)).toBe(-1n);
    expect(amountForMinutes(35, 9_800)).toBe(5_717);
    expect(taxOf(7_350, 1_900)).toBe(1_397);
  });

  it('keeps quantities exact', () => {
    expect(hoursOf(45)).toBe('0.75');
    expect(hoursOf(35)).toBe('0.5833');
    expect(formatQuantity(parseQuantity('1.5') + parseQuantity('0.25'))).toBe('1.75');
    expect(amountForQuantity(parseQuantity('3'), 4_900)).toBe(14_700);
    expect(() => parseQuantity('1.23456')).toThrow();
    expect(formatMinor(-2_450)).toBe('-24.50');
  });
});

/**
 * Exact money and quantity arithmetic: amounts are integer minor units (safe integers in
 * `number`), products are computed in `bigint` and rounded half up (away from zero) once.
 */

/** a × b ÷ d rounded half away from zero; d > 0. */
export function mulDivRound(a: bigint, b: bigint, d: bigint): bigint {
  const product = a * b;
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude * 2n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** Net amount of `minutes` at an hourly rate. */
export function amountForMinutes(minutes: number, hourlyRateMinor: number): number {
  return toSafe(mulDivRound(BigInt(minutes), BigInt(hourlyRateMinor), 60n));
}

/** Scale of decimal quantities: four decimal places. */
export const QUANTITY_SCALE = 10_000n;

/** Parses an exact decimal string ("1.5", "-2") into units of 1/10 000; more places are refused. */
export function parseQuantity(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) throw new Error(`not a decimal with at most 4 places: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole ?? '0') * QUANTITY_SCALE + BigInt(fraction.padEnd(4, '0'));
  return sign === '-' ? -value : value;
}

/** Formats units of 1/10 000 as the shortest exact decimal string ("0.75", "3", "-1.5"). */
export function formatQuantity(scaled: bigint): string {
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const whole = magnitude / QUANTITY_SCALE;
  const fraction = (magnitude % QUANTITY_SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Minutes as hours, exact to four places (rounded half up beyond: 35 min → "0.5833"). */
export function hoursOf(minutes: number): string {
  return formatQuantity(mulDivRound(BigInt(minutes), QUANTITY_SCALE, 60n));
}

/** Amount of a scaled quantity at a unit price. */
export function amountForQuantity(scaled: bigint, unitPriceMinor: number): number {
  return toSafe(mulDivRound(scaled, BigInt(unitPriceMinor), QUANTITY_SCALE));
}

/** Tax on a net amount at a rate in basis points, rounded half up. */
export function taxOf(netMinor: number, basisPoints: number): number {
  return toSafe(mulDivRound(BigInt(netMinor), BigInt(basisPoints), 10_000n));
}

/** Minor units as a plain decimal with two places, e.g. 7350 → "73.50" (statements, CSV). */
export function formatMinor(amountMinor: number): string {
  const negative = amountMinor < 0;
  const magnitude = Math.abs(amountMinor);
  return `${negative ? '-' : ''}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`amount out of range: ${value}`);
  return Number(value);
}

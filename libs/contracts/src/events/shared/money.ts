import { z } from 'zod';
import { currencySchema } from './primitives';

/**
 * An amount of money as integer minor units plus currency, so that no amount is ever a binary
 * float: `{ amountMinor: 12550, currency: 'EUR' }` is 125.50 EUR. Negative for reversals and
 * credits.
 */
export const moneySchema = z.object({
  amountMinor: z
    .int()
    .describe('Amount in the minor unit of the currency (cents for EUR), a safe integer; negative for reversals and credits.'),
  currency: currencySchema.describe('ISO 4217 currency code, e.g. EUR.'),
});

/** An amount of money in integer minor units. */
export type Money = z.infer<typeof moneySchema>;

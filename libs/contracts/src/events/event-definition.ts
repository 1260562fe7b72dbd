import type { z } from 'zod';

/** The domains that own a stream each; `ticket` also carries `helpdesk.directory.*`. */
export const EVENT_DOMAINS = ['ticket', 'directory', 'mail', 'call', 'sla', 'billing', 'knowledge'] as const;
export type EventDomain = (typeof EVENT_DOMAINS)[number];

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/**
 * An event type string: `helpdesk.<domain>[.<entity>].<verb-past>.v<N>` (N up to 99). Spelled
 * with single digits because `.v${number}` would make TypeScript reject verbs starting with
 * "v" such as `voided` (template literal matching does not backtrack).
 */
export type EventType = `helpdesk.${string}.v${Digit}` | `helpdesk.${string}.v${Digit}${Digit}`;

/**
 * One version of one event: its type string (which is also its NATS subject, before the
 * environment prefix), the zod schema of its `data`, and a documented example that the
 * contract tests validate.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: EventType;
  readonly domain: EventDomain;
  /** One sentence for subscribers: when the event is published and what it means. */
  readonly description: string;
  readonly schema: S;
  readonly example: z.input<S>;
}

/** The `data` type of an event definition. */
export type EventData<D extends EventDefinition> = z.infer<D['schema']>;

/** Declares an event version; keeps the literal type string and the schema type. */
export function defineEvent<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}

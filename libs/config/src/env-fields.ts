import { z } from 'zod';

/**
 * Building blocks for service config schemas. Each field's error message completes the sentence
 * "config: <VARIABLE> …", so keep them short and saying what is expected.
 */

const urlWithProtocols = (protocols: readonly string[], label: string) =>
  z.string({ error: `must be set to a ${label} URL` }).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${label} URL` },
  );

/** A `postgres://` or `postgresql://` connection URL. */
export const postgresUrl = () => urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://');

/** One or more comma-separated `nats://` (or `tls://`) server URLs. */
export const natsUrl = () =>
  z.string({ error: 'must be set to a nats:// URL' }).refine(
    (value) =>
      value.split(',').every((part) => {
        try {
          return ['nats:', 'tls:'].includes(new URL(part.trim()).protocol);
        } catch {
          return false;
        }
      }),
    { message: 'must be a nats:// URL (comma-separated for several servers)' },
  );

/** An `http://` or `https://` URL. */
export const httpUrl = () => urlWithProtocols(['http:', 'https:'], 'http(s)://');

/** A TCP port number, 1–65535 (0 allowed: "any free port", used by tests). */
export const port = () =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a port number' })
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, { message: 'must be a port number between 0 and 65535' });

/** A positive integer. */
export const positiveInt = () =>
  z
    .string()
    .regex(/^\d+$/, { message: 'must be a positive whole number' })
    .transform(Number)
    .refine((n) => n > 0, { message: 'must be greater than zero' });

/** `true`/`false` (also `1`/`0`, `yes`/`no`). */
export const bool = () =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A duration such as `500ms`, `30s`, `5m`, `2h`, `30d`; the parsed value is milliseconds. */
export const duration = () =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h|d)$/, { message: 'must be a duration such as 500ms, 30s, 5m, 2h or 30d' })
    .transform(parseDurationMs);

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `30s`-style durations to milliseconds; throws on anything else. */
export function parseDurationMs(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** pino log levels. */
export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  });

/**
 * A NATS subject prefix that isolates an environment (or a test file) on a shared NATS:
 * empty, or dot-separated tokens of letters, digits, `_` and `-`, ending in a dot (`staging.`).
 */
export const subjectPrefix = () =>
  z.string().regex(/^([A-Za-z0-9_-]+\.)*$/, {
    message: 'must be empty or dot-separated tokens ending in a dot, such as "staging."',
  });

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * True for errors that say the database is unreachable rather than that the event is bad:
 * network errors, SQLSTATE class 08 (connection), 57P01–57P03 (shutdown, cannot connect now),
 * 53300 (too many connections), and pg's "Connection terminated". Such failures are retried
 * without counting towards the DLQ, so a PostgreSQL outage delays events and never dead-letters
 * them.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')) return true;
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message)) return true;
  const driverError = 'driverError' in error ? error.driverError : undefined;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(error.cause, depth + 1);
}

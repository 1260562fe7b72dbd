/** Reconnect delays of an IMAP watch: 1 s, 2 s, 4 s … doubling per consecutive failure, at most `maxMs`. */
export function reconnectDelayMs(consecutiveFailures: number, baseMs = 1_000, maxMs = 60_000): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(consecutiveFailures - 1, 30));
}

/**
 * The logger the messaging classes write to; pino's `(object, message)` signature, so a pino
 * logger (from telemetry) can be passed as is.
 */
export interface MessagingLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Writes warnings and errors as JSON lines to stderr; info is dropped. The default. */
export const stderrLogger: MessagingLogger = {
  info: () => undefined,
  warn: (fields, message) => write('warn', fields, message),
  error: (fields, message) => write('error', fields, message),
};

/** Drops everything (tests that provoke failures on purpose). */
export const silentLogger: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function write(level: string, fields: Record<string, unknown>, message: string): void {
  const err = fields['err'];
  const shown = err instanceof Error ? { ...fields, err: { name: err.name, message: err.message } } : fields;
  process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), ...shown, msg: message })}\n`);
}

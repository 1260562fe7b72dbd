import { z } from 'zod';
import { ConfigError } from './config-error';

/** The raw environment: `process.env` in production, a plain object in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the environment against a schema whose keys are the variable names.
 * Throws a {@link ConfigError} whose message reads
 * `config: NATS_URL must be a nats:// URL (got "localhost")` for the first bad variable.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Environment): z.infer<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    picked[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(picked);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const got = picked[variable];
  const shown = got === undefined ? 'nothing' : showValue(variable, got);
  throw new ConfigError(variable, `config: ${variable} ${issue?.message ?? 'is invalid'} (got ${shown})`);
}

/**
 * Loads the configuration at process start; on failure prints the one-line reason to stderr
 * and exits with status 78 (EX_CONFIG), so an orchestrator shows exactly which variable is wrong.
 */
export function loadConfigOrExit<S extends z.ZodObject>(schema: S, env: Environment = process.env): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY|CREDS/i;

/** Echoes a bad value so the operator sees the typo, but never a secret or a URL's password. */
function showValue(variable: string, value: string): string {
  if (SECRET_NAME.test(variable)) return `a value of ${value.length} characters`;
  try {
    const url = new URL(value);
    if (url.password) {
      url.password = '***';
      return `"${url.toString()}"`;
    }
  } catch {
    // not a URL: show as is
  }
  return `"${value}"`;
}

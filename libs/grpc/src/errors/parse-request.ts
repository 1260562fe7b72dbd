import type { z } from 'zod';
import { RequestValidationError } from './request-validation.error';

/**
 * Validates a request message against a zod schema and returns the parsed input; throws a
 * {@link RequestValidationError} (→ `INVALID_ARGUMENT` naming each field) otherwise.
 */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.output<S> {
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  throw new RequestValidationError(
    result.error.issues.map((issue) => ({ field: fieldPath(issue.path), description: issue.message })),
  );
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'request';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

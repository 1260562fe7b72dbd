import type { IncomingMessage } from 'node:http';
import type { CtiFields } from './cti-event';

/** Why a body was not read; the webhook answers with `status`. */
export class BodyError extends Error {
  override readonly name = 'BodyError';

  constructor(
    readonly status: 413 | 415 | 400,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a form- or JSON-encoded body of at most `maxBytes`, refusing a larger one as soon as it
 * is announced (Content-Length) or exceeded while streaming, so a 1 MB body costs nothing.
 */
export async function readFields(request: IncomingMessage, maxBytes: number): Promise<CtiFields> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json') {
    throw new BodyError(415, 'content-type must be application/x-www-form-urlencoded or application/json');
  }
  const announced = Number(request.headers['content-length'] ?? '0');
  if (announced > maxBytes) throw new BodyError(413, `body is larger than ${maxBytes} bytes`);
  const body = await readLimited(request, maxBytes);
  return type === 'application/json' ? jsonFields(body) : formFields(body);
}

async function readLimited(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(413, `body is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formFields(body: string): CtiFields {
  const fields: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) (fields[key] ??= []).push(value);
  return fields;
}

function jsonFields(body: string): CtiFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BodyError(400, 'body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BodyError(400, 'body must be a JSON object');
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = String(value);
    else if (Array.isArray(value)) fields[key] = value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  }
  return fields;
}

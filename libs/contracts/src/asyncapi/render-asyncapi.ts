import { buildAsyncApiDocument } from './build-asyncapi';

/**
 * The committed `asyncapi.json` text for a contracts version: the document with two-space
 * indentation and a final newline. The generator writes it; a test compares it with the file.
 */
export function renderAsyncApiDocument(version: string): string {
  return `${JSON.stringify(buildAsyncApiDocument({ version }), null, 2)}\n`;
}

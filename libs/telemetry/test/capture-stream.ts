import type { DestinationStream } from 'pino';

/** A pino destination that keeps every written line, parsed. */
export function captureStream(): DestinationStream & { lines(): Record<string, unknown>[] } {
  const written: string[] = [];
  return {
    write: (chunk: string) => {
      written.push(chunk);
    },
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

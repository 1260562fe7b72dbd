/**
 * Turns a stream of text chunks into whole lines. A child process writes in chunks that may end
 * mid-line; prefixing each chunk would tag half lines, so the unfinished tail waits for the next
 * chunk (or for `flush` when the stream ends).
 */
export class LineSplitter {
  private pending = '';

  /** Adds a chunk and returns the lines it completed, without their `\n` or `\r\n`. */
  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    return parts.map(stripCarriageReturn);
  }

  /** Returns the unfinished last line, if any, and forgets it; call when the stream ends. */
  flush(): string | undefined {
    const rest = this.pending;
    this.pending = '';
    return rest === '' ? undefined : stripCarriageReturn(rest);
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

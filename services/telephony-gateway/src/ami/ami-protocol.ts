/**
 * The Asterisk Manager Interface line protocol: after a one-line banner
 * (`Asterisk Call Manager/5.0.2`), every message is `Key: Value` lines ended by an empty line,
 * CRLF throughout. Keys are read case-insensitively (stored lower-case).
 */
export type AmiMessage = Readonly<Record<string, string>>;

/** Splits the byte stream into the banner and messages; feed it chunks as they arrive. */
export class AmiParser {
  private buffer = '';
  private bannerRead = false;
  /** The banner line once read. */
  banner: string | null = null;

  /** The complete messages in what arrived so far. */
  push(chunk: string): AmiMessage[] {
    this.buffer += chunk;
    if (!this.bannerRead) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return [];
      this.banner = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.bannerRead = true;
    }
    const messages: AmiMessage[] = [];
    for (let end = this.buffer.indexOf('\r\n\r\n'); end >= 0; end = this.buffer.indexOf('\r\n\r\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      if (block.trim()) messages.push(parseBlock(block));
    }
    return messages;
  }
}

/** An action as it goes on the wire. */
export function serializeAction(fields: Readonly<Record<string, string>>): string {
  return `${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value.replace(/[\r\n]/g, ' ')}`)
    .join('\r\n')}\r\n\r\n`;
}

function parseBlock(block: string): AmiMessage {
  const message: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    message[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return message;
}

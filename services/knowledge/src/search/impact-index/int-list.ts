/**
 * A growable list of 32-bit integers in one typed array (doubling). Postings lists hold tens of
 * millions of ordinals at 1 M articles: a JS number array would take 8 bytes per entry and a
 * pointer-chasing layout, this takes 4 and scans linearly.
 */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  /** The entries, without copying (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** Whether `value` is in the list; the list must be sorted ascending (ordinals are appended in order). */
  has(value: number): boolean {
    let low = 0;
    let high = this.length - 1;
    const data = this.data;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = data[middle] ?? 0;
      if (at === value) return true;
      if (at < value) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** Drops the spare capacity of the doubling (after the initial load), keeping a little room to grow. */
  compact(): void {
    const room = Math.max(4, this.length + (this.length >> 4));
    if (room < this.data.length) this.data = this.data.slice(0, room);
  }

  /** Bytes held (for the memory figure). */
  get bytes(): number {
    return this.data.byteLength;
  }
}

/**
 * Whether (key a, ordinal a) ranks below (key b, ordinal b): a smaller key, or the same key and a
 * newer (larger) ordinal — on equal keys the older article ranks first, as the SQL plan orders.
 */
function ranksBelow(keyA: number, ordinalA: number, keyB: number, ordinalB: number): boolean {
  return keyA < keyB || (keyA === keyB && ordinalA > ordinalB);
}

/**
 * The `capacity` best ordinals by key, older first on equal keys (a min-heap of parallel typed
 * arrays): the lowest-ranked kept candidate is at the top, so one that cannot beat it is rejected
 * in O(1), and a better one evicts it — on a tie at the edge, the newest of the tied.
 */
export class TopHeap {
  private readonly keys: Float64Array;
  private readonly ordinals: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ordinals = new Int32Array(capacity);
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** The smallest key kept (only meaningful when not empty). */
  get minKey(): number {
    return this.keys[0] ?? 0;
  }

  /** Keeps the candidate if it ranks above the lowest kept (a larger key, or the same key and an older, smaller ordinal). */
  offer(key: number, ordinal: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!ranksBelow(key, ordinal, this.keys[parent] ?? 0, this.ordinals[parent] ?? 0)) break;
        this.keys[i] = this.keys[parent] ?? 0;
        this.ordinals[i] = this.ordinals[parent] ?? 0;
        i = parent;
      }
      this.keys[i] = key;
      this.ordinals[i] = ordinal;
      return;
    }
    if (!ranksBelow(this.keys[0] ?? 0, this.ordinals[0] ?? 0, key, ordinal)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && ranksBelow(this.keys[right] ?? 0, this.ordinals[right] ?? 0, this.keys[left] ?? 0, this.ordinals[left] ?? 0) ? right : left;
      if (!ranksBelow(this.keys[child] ?? 0, this.ordinals[child] ?? 0, key, ordinal)) break;
      this.keys[i] = this.keys[child] ?? 0;
      this.ordinals[i] = this.ordinals[child] ?? 0;
      i = child;
    }
    this.keys[i] = key;
    this.ordinals[i] = ordinal;
  }

  /** The kept ordinals with their keys, best key first (ties: the smaller ordinal first). */
  sorted(): { ordinal: number; key: number }[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((x, y) => (this.keys[y] ?? 0) - (this.keys[x] ?? 0) || (this.ordinals[x] ?? 0) - (this.ordinals[y] ?? 0));
    return order.map((i) => ({ ordinal: this.ordinals[i] ?? 0, key: this.keys[i] ?? 0 }));
  }
}

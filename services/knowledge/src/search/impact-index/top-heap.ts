/**
 * The `capacity` best ordinals by key (a min-heap of parallel typed arrays): the smallest kept key
 * is at the top, so a candidate that cannot beat it is rejected in O(1).
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

  offer(key: number, ordinal: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      let i = this.size;
      this.size += 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.keys[parent] ?? 0) <= key) break;
        this.keys[i] = this.keys[parent] ?? 0;
        this.ordinals[i] = this.ordinals[parent] ?? 0;
        i = parent;
      }
      this.keys[i] = key;
      this.ordinals[i] = ordinal;
      return;
    }
    if (key <= (this.keys[0] ?? 0)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && (this.keys[right] ?? 0) < (this.keys[left] ?? 0) ? right : left;
      if ((this.keys[child] ?? 0) >= key) break;
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

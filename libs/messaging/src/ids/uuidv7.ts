import { randomFillSync } from 'node:crypto';

/** Makes one UUID per call; see {@link createUuidV7Generator}. */
export type IdGenerator = () => string;

const MAX_SEQ = 0xfff;

/**
 * A UUIDv7 generator (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit sequence in
 * `rand_a`, the variant and 62 random bits. Ids of one generator sort strictly increasing as
 * strings: within one millisecond the sequence counts up (seeded randomly in its lower half so
 * that it rarely overflows), and when it would overflow, or the clock steps back, the timestamp
 * borrows from the next millisecond instead of going back.
 */
export function createUuidV7Generator(
  now: () => number = Date.now,
  fillRandom: (bytes: Uint8Array) => void = pooledRandom(),
): IdGenerator {
  let lastMs = -1;
  let seq = 0;
  const random = new Uint8Array(10);
  return () => {
    fillRandom(random);
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      seq = ((random[0] ?? 0) << 3) | ((random[1] ?? 0) >> 5); // 11 bits: start low, leave room to count
    } else if (seq < MAX_SEQ) {
      seq += 1;
    } else {
      lastMs += 1;
      seq = 0;
    }
    return format(lastMs, seq, random);
  };
}

// One randomFillSync call per id costs more than the rest of the id; draw from a pool instead.
function pooledRandom(): (bytes: Uint8Array) => void {
  const pool = new Uint8Array(4_096);
  let offset = pool.length;
  return (bytes) => {
    if (offset + bytes.length > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    bytes.set(pool.subarray(offset, offset + bytes.length));
    offset += bytes.length;
  };
}

function format(ms: number, seq: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = 0x80 | ((random[2] ?? 0) & 0x3f);
  bytes.set(random.subarray(3, 10), 9);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The process-wide UUIDv7 generator: strictly increasing ids within this process. */
export const uuidv7: IdGenerator = createUuidV7Generator();

/** The Unix milliseconds encoded in a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

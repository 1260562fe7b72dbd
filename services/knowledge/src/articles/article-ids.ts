import { SEARCH_BUCKETS } from '../search/search-buckets';

// Ids of new articles chosen so that a run of consecutive articles shares one search bucket.
//
// An article's bucket is `hashtext(id::text) & 15` (src/search/search-buckets.ts): each bucket has
// its own partial GIN indexes on search_vector and title_vector. With random ids a batch of 250
// new articles inserts into all 32 indexes, whose entry pages (~450 MB together at a million
// articles) do not stay in shared buffers: every pending-list merge read most of its pages from
// the file system and wrote them back, each a full-page image in the WAL after a checkpoint
// (at 1 M articles: 22 full-page images, ~100 kB of WAL and ~30 page reads per article). A run of
// articles in one bucket keeps that bucket's two indexes (~30 MB) hot and touches each page
// several times per checkpoint instead of once: ~4 full-page images, ~30 kB and ~4 reads.
//
// Nothing depends on the bucket being the chosen one: PostgreSQL evaluates the index predicates
// itself. Buckets still fill evenly, one run after another. What changes is that articles created
// together sit in one bucket, so a search that stops after its first buckets (common words)
// reads runs of recent articles instead of a hash sample; a run is at most `idsPerBucket` articles.

function rot(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Byte `i` of `bytes` shifted left by `shift`, or 0 beyond the end. */
function byteAt(bytes: Uint8Array, i: number, shift: number): number {
  return i < bytes.length ? (bytes[i] ?? 0) << shift : 0;
}

/**
 * PostgreSQL's `hash_bytes` (src/common/hashfn.c, Bob Jenkins' lookup3 as adapted there) of a
 * byte string, as a signed 32-bit integer: `hashtext(t)` for a text `t` of a deterministic
 * collation is this hash of its UTF-8 bytes. Words are read little-endian, as PostgreSQL does on
 * the little-endian machines it runs on here (x86-64, arm64).
 */
export function pgHashBytes(bytes: Uint8Array, view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)): number {
  let len = bytes.length;
  let a = (0x9e3779b9 + len + 3923095) | 0;
  let b = a;
  let c = a;
  let k = 0;
  while (len >= 12) {
    a = (a + view.getInt32(k, true)) | 0;
    b = (b + view.getInt32(k + 4, true)) | 0;
    c = (c + view.getInt32(k + 8, true)) | 0;
    // mix(a, b, c)
    a = (a - c) | 0;
    a ^= rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 4);
    b = (b + a) | 0;
    k += 12;
    len -= 12;
  }
  // The last 0–11 bytes; the lowest byte of c is left for the length.
  if (len > 0) {
    a = (a + byteAt(bytes, k, 0) + byteAt(bytes, k + 1, 8) + byteAt(bytes, k + 2, 16) + byteAt(bytes, k + 3, 24)) | 0;
    b = (b + byteAt(bytes, k + 4, 0) + byteAt(bytes, k + 5, 8) + byteAt(bytes, k + 6, 16) + byteAt(bytes, k + 7, 24)) | 0;
    c = (c + byteAt(bytes, k + 8, 8) + byteAt(bytes, k + 9, 16) + byteAt(bytes, k + 10, 24)) | 0;
  }
  // final(a, b, c)
  c ^= b;
  c = (c - rot(b, 14)) | 0;
  a ^= c;
  a = (a - rot(c, 11)) | 0;
  b ^= a;
  b = (b - rot(a, 25)) | 0;
  c ^= b;
  c = (c - rot(b, 16)) | 0;
  a ^= c;
  a = (a - rot(c, 4)) | 0;
  b ^= a;
  b = (b - rot(a, 14)) | 0;
  c ^= b;
  c = (c - rot(b, 24)) | 0;
  return c;
}

const encoder = new TextEncoder();

/** The search bucket of an article id, as the index predicates compute it: `hashtext(id::text) & (SEARCH_BUCKETS - 1)`. */
export function searchBucketOf(id: string): number {
  return pgHashBytes(encoder.encode(id.toLowerCase())) & (SEARCH_BUCKETS - 1);
}

const HEX = '0123456789abcdef';
const HEX_CODES = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

/**
 * Wraps an id generator (UUIDs, e.g. UUIDv7) so that `idsPerBucket` consecutive ids share one
 * search bucket, then the next bucket follows (starting at `firstBucket`). An id keeps the
 * generator's value except its last two hex digits (random bits in v4 and v7 alike), which are
 * the first of the 256 variants in the bucket: the order of UUIDv7 ids is kept, as it rests on
 * the leading timestamp and sequence. Falls back to further ids in the (1 in 15 million) case
 * that no variant fits.
 */
export function bucketedIds(newId: () => string, idsPerBucket = 1_000, firstBucket = Math.floor(Math.random() * SEARCH_BUCKETS)): () => string {
  let bucket = firstBucket % SEARCH_BUCKETS;
  let left = idsPerBucket;
  return () => {
    if (left === 0) {
      bucket = (bucket + 1) % SEARCH_BUCKETS;
      left = idsPerBucket;
    }
    left -= 1;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const id = newId().toLowerCase();
      // The id's text as the index predicate hashes it; only its last two bytes vary.
      const bytes = encoder.encode(id);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const last = bytes.length - 1;
      const start = Number.parseInt(id.slice(-2), 16);
      for (let i = 0; i < 256; i += 1) {
        const low = (start + i) & 0xff;
        bytes[last - 1] = HEX_CODES[low >> 4] ?? 0;
        bytes[last] = HEX_CODES[low & 15] ?? 0;
        if ((pgHashBytes(bytes, view) & (SEARCH_BUCKETS - 1)) === bucket) return `${id.slice(0, -2)}${HEX[low >> 4]}${HEX[low & 15]}`;
      }
    }
    return newId();
  };
}

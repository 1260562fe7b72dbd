/** The largest piece of a file one `ExportTicketsResponse` carries. */
export const MAX_CHUNK_BYTES = 64 * 1024;

/**
 * Regroups a byte stream into pieces of exactly `max` bytes (the last one shorter): few, full
 * gRPC messages whatever sizes the producer happens to write.
 */
export async function* inChunks(source: AsyncIterable<Buffer>, max = MAX_CHUNK_BYTES): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of source) {
    pending.push(piece);
    size += piece.length;
    if (size < max) continue;
    const all = Buffer.concat(pending, size);
    let offset = 0;
    for (; all.length - offset >= max; offset += max) yield all.subarray(offset, offset + max);
    pending = offset < all.length ? [all.subarray(offset)] : [];
    size = all.length - offset;
  }
  if (size > 0) yield Buffer.concat(pending, size);
}

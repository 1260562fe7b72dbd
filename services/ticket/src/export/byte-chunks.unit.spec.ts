import { inChunks } from './byte-chunks';

async function* pieces(...sizes: number[]): AsyncGenerator<Buffer> {
  let next = 0;
  for (const size of sizes) {
    yield Buffer.from(Array.from({ length: size }, () => next++ % 256));
  }
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

describe('inChunks', () => {
  it('regroups small and large pieces into full chunks of at most max bytes, in order', async () => {
    const chunks = await collect(inChunks(pieces(3, 4, 25, 1, 0, 9), 10));
    expect(chunks.map((c) => c.length)).toEqual([10, 10, 10, 10, 2]);
    expect([...Buffer.concat(chunks)]).toEqual(Array.from({ length: 42 }, (_, i) => i % 256));
  });

  it('yields nothing for an empty source and the whole of a small one', async () => {
    expect(await collect(inChunks(pieces(), 10))).toEqual([]);
    expect((await collect(inChunks(pieces(5), 10))).map((c) => c.length)).toEqual([5]);
  });
});

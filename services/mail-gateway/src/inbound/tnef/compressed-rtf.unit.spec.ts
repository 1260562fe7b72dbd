import { decompressRtf } from './compressed-rtf';

describe('decompressRtf', () => {
  it('decompresses the LZFu example of [MS-OXRTFCP] 4.1.1', () => {
    // The specification's "simple compressed RTF" example, byte for byte.
    const compressed = Buffer.from('2d0000002b0000004c5a4675f1c5c7a703000a00726370673132354232' + '0af32068656c090020627705b06c647d0a800fa0', 'hex');
    expect(decompressRtf(compressed).toString('latin1')).toBe('{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n');
  });

  it('returns uncompressed (MELA) RTF as it is and refuses an unknown format', () => {
    const rtf = Buffer.from('{\\rtf1 plain}', 'latin1');
    const header = Buffer.alloc(16);
    header.writeUInt32LE(rtf.length + 12, 0);
    header.writeUInt32LE(rtf.length, 4);
    header.writeUInt32LE(0x414c454d, 8);
    expect(decompressRtf(Buffer.concat([header, rtf])).toString('latin1')).toBe('{\\rtf1 plain}');
    header.writeUInt32LE(0x12345678, 8);
    expect(() => decompressRtf(Buffer.concat([header, rtf]))).toThrow(/unknown magic 0x12345678/);
  });
});

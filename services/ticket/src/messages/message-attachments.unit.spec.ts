import { TicketError } from '../tickets/ticket.errors';
import type { AttachmentUpload } from './message';
import { DEFAULT_ATTACHMENT_MAX_BYTES, assertAttachmentSizes, hashAttachments, sha256Hex } from './message-attachments';

const upload = (size: number, fileName = 'file.bin'): AttachmentUpload => ({
  fileName,
  contentType: 'application/octet-stream',
  content: Buffer.alloc(size, 1),
  inline: false,
  contentId: null,
});

describe('assertAttachmentSizes', () => {
  it('accepts files up to the limit, inclusive', () => {
    expect(() => assertAttachmentSizes([upload(10), upload(100)], 100)).not.toThrow();
    expect(() => assertAttachmentSizes([], 1)).not.toThrow();
  });

  it('refuses the first over-size file with INVALID_FIELD naming it and both sizes', () => {
    let error: unknown;
    try {
      assertAttachmentSizes([upload(1), upload(101), upload(500)], 100);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TicketError);
    expect(error).toMatchObject({ code: 'INVALID_FIELD', field: 'attachments[1]', message: 'attachments[1]: 101 bytes exceeds the limit of 100' });
  });

  it('defaults to 25 MiB', () => {
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(26_214_400);
  });
});

describe('hashAttachments', () => {
  it('addresses each content by its lower-case hex SHA-256 and records its size', () => {
    const [first, second] = hashAttachments([
      { ...upload(0), content: Buffer.from('abc'), fileName: 'a.txt', contentType: 'text/plain' },
      { ...upload(0), content: Buffer.from('abc'), fileName: 'copy.txt', contentType: 'text/plain', inline: true, contentId: 'c1' },
    ]);
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(first?.ref).toEqual({ fileName: 'a.txt', contentType: 'text/plain', sizeBytes: 3, sha256: abc, inline: false, contentId: null });
    expect(second?.ref).toMatchObject({ fileName: 'copy.txt', sha256: abc, inline: true, contentId: 'c1' });
    expect(sha256Hex('abc')).toBe(abc);
  });
});

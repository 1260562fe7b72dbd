import {
  ATTRIBUTE, attribute, embeddedItem, fileAttachment, outlookPreamble, outlookWinmail, string8, tnef,
} from '../../../test/support/tnef-builder';
import { unpackTnef } from './unpack-tnef';

describe('unpackTnef', () => {
  it('unpacks the files with their long names and types, and the plain, HTML and RTF bodies', () => {
    const content = unpackTnef(outlookWinmail());
    expect(content.files.map(({ fileName, contentType, content: c }) => ({ fileName, contentType, text: c.toString('latin1') }))).toEqual([
      { fileName: 'Quartalsbericht Müller.pdf', contentType: 'application/pdf', text: '%PDF-1.4\n% fixture\n%%EOF\n' },
      { fileName: 'drucker-log.txt', contentType: 'text/plain', text: 'error 0x51 at 08:12\n' },
    ]);
    expect(content.subject).toBe('Drucker im Büro');
    expect(content.text).toBe('Grüße aus dem Büro, der Bericht hängt an.');
    expect(content.html).toBe('<p>Grüße aus dem <b>Büro</b></p>');
    expect(content.rtf?.toString('latin1')).toBe('{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n');
    expect(content.problems).toEqual([]);
  });

  it('reads 8-bit text in the stream\'s code page', () => {
    const content = unpackTnef(tnef([...outlookPreamble(1251), attribute(1, ATTRIBUTE.body, Buffer.concat([Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), Buffer.from([0])]))]));
    expect(content.text).toBe('Привет');
  });

  it('names what it cannot unpack (an embedded Outlook item) and a wrong checksum, and keeps the rest', () => {
    const content = unpackTnef(tnef([
      ...outlookPreamble(),
      attribute(1, ATTRIBUTE.subject, string8('Fwd'), 1),
      ...embeddedItem('Weitergeleitete Nachricht'),
      ...fileAttachment({ shortName: 'A.TXT', longName: 'a.txt', mimeType: 'text/plain', contentId: '<img1@outlook>', content: Buffer.from('a') }),
    ]));
    expect(content.files).toEqual([{ fileName: 'a.txt', contentType: 'text/plain', contentId: 'img1@outlook', content: Buffer.from('a') }]);
    expect(content.problems).toEqual([
      'TNEF attribute 0x18004 has a wrong checksum; it was read anyway',
      '"Weitergeleitete Nachricht" in winmail.dat is an embedded Outlook item or has no data and was not unpacked; winmail.dat is kept as it came',
    ]);
  });

  it('refuses what is not TNEF or is cut off, naming where', () => {
    expect(() => unpackTnef(Buffer.from('PK\u0003\u0004 not tnef'))).toThrow(/signature 0x223e9f78 missing/);
    const whole = outlookWinmail();
    expect(() => unpackTnef(whole.subarray(0, whole.length - 30))).toThrow(/TNEF ends inside/);
  });
});

import { parseMail } from './mail.parser';
import { storableMail, storableText } from './storable-text';

describe('storableText', () => {
  it('replaces NUL and unpaired surrogates by U+FFFD and keeps paired ones', () => {
    expect(storableText('Rech\u0000nung')).toBe('Rech\ufffdnung');
    expect(storableText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(storableText('end\ud83d')).toBe('end\ufffd');
    expect(storableText('emoji \ud83d\ude00 ok')).toBe('emoji \ud83d\ude00 ok');
  });

  it('returns the same string when there is nothing to replace', () => {
    const text = 'Grüße – ✓';
    expect(storableText(text)).toBe(text);
  });

  it('makes a value jsonb and text columns accept (what PostgreSQL refuses is gone from the JSON)', () => {
    expect(JSON.stringify(storableText('x\u0000\udc00y'))).not.toMatch(/\\u0000|\\ud[89a-f]/i);
  });
});

describe('storableMail', () => {
  const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'));

  it('replaces NUL in a decoded file name, subject and body and notes where', async () => {
    const mail = storableMail(
      await parseMail(
        raw([
          'From: a@example.com',
          'To: support@helpdesk.test',
          'Subject: =?utf-8?Q?Rech=00nung?=',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b"',
          '',
          '--b',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
          '',
          'Null=00byte',
          '--b',
          'Content-Type: application/pdf',
          "Content-Disposition: attachment; filename*=utf-8''Rech%00nung.pdf",
          'Content-Transfer-Encoding: base64',
          '',
          'JVBERi0xLjQK',
          '--b--',
          '',
        ]),
      ),
    );
    expect(mail.subject).toBe('Rech\ufffdnung');
    expect(mail.text).toContain('Null\ufffdbyte');
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['Rech\ufffdnung.pdf']);
    expect(mail.parseProblems).toEqual([expect.stringMatching(/replaced by U\+FFFD in: subject, text, attachment file name/)]);
    expect(JSON.stringify(mail)).not.toContain('\\u0000');
  });

  it('returns a clean mail unchanged', async () => {
    const mail = await parseMail(raw(['From: a@example.com', 'Subject: fine', '', 'body', '']));
    expect(storableMail(mail)).toBe(mail);
  });
});

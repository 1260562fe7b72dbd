import { splitQuotedText } from './quoted-text';

describe('splitQuotedText', () => {
  it('splits at "On … wrote:" and "Am … schrieb …:"', () => {
    expect(splitQuotedText('Thanks!\n\nOn Mon, 1 Dec 2026, Anna <a@x.de> wrote:\n> old')).toEqual({ text: 'Thanks!', quoted: 'On Mon, 1 Dec 2026, Anna <a@x.de> wrote:\n> old' });
    expect(splitQuotedText('Danke.\nAm 01.12.2026 um 10:00 schrieb Anna Schmidt:\n> alt').text).toBe('Danke.');
  });

  it('splits at Outlook separators and at a trailing block of > lines', () => {
    expect(splitQuotedText('Ok\n-----Original Message-----\nFrom: x').text).toBe('Ok');
    expect(splitQuotedText('Ok\n-----Ursprüngliche Nachricht-----\nVon: x').text).toBe('Ok');
    expect(splitQuotedText('Ok\n\n> a\n>b\n').quoted).toBe('> a\n>b');
  });

  it('keeps inline quotes followed by new text, and a mail that is all quote', () => {
    expect(splitQuotedText('> question\nanswer')).toEqual({ text: '> question\nanswer', quoted: null });
    expect(splitQuotedText('> only a quote')).toEqual({ text: '> only a quote', quoted: null });
  });
});

import { csvField, csvRecord } from './csv';

describe('csvField', () => {
  it('leaves plain values alone', () => {
    expect(csvField('Printer offline', ';')).toBe('Printer offline');
    expect(csvField('', ';')).toBe('');
    expect(csvField('Grüße, Müller', ';')).toBe('Grüße, Müller');
  });

  it('quotes values holding the delimiter, quotes or line breaks, doubling quotes', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('the "big" one', ';')).toBe('"the ""big"" one"');
    expect(csvField('line 1\nline 2', ';')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2', ',')).toBe('"line 1\r\nline 2"');
  });

  it.each(['=HYPERLINK("http://evil.example","x")', '+49 30 1234', '-1+1', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'keeps %j from running as a formula',
    (value) => {
      const field = csvField(value, ';');
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it('guards and quotes together', () => {
    expect(csvField('=1;2', ';')).toBe(`"'=1;2"`);
    expect(csvField('=A1&"x"', ',')).toBe(`"'=A1&""x"""`);
  });
});

describe('csvRecord', () => {
  it('joins fields with the delimiter and ends in CRLF', () => {
    expect(csvRecord(['T-1', 'a;b', ''], ';')).toBe('T-1;"a;b";\r\n');
    expect(csvRecord(['T-1', 'a;b'], ',')).toBe('T-1,a;b\r\n');
  });
});

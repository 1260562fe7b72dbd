import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('returns the complete lines of a chunk and keeps the unfinished tail', () => {
    const lines = new LineSplitter();

    expect(lines.push('one\ntwo\nthr')).toEqual(['one', 'two']);
    expect(lines.push('ee')).toEqual([]);
    expect(lines.push('\n')).toEqual(['three']);
  });

  it('joins a line written in many chunks', () => {
    const lines = new LineSplitter();

    expect(['a', 'b', 'c'].flatMap((chunk) => lines.push(chunk))).toEqual([]);
    expect(lines.push('d\n')).toEqual(['abcd']);
  });

  it('drops the carriage return of CRLF line ends, also when split between chunks', () => {
    const lines = new LineSplitter();

    expect(lines.push('dos\r\nsplit\r')).toEqual(['dos']);
    expect(lines.push('\n')).toEqual(['split']);
  });

  it('keeps empty lines', () => {
    expect(new LineSplitter().push('\n\nx\n')).toEqual(['', '', 'x']);
  });

  it('flushes the unfinished last line once', () => {
    const lines = new LineSplitter();
    lines.push('done\nno newline');

    expect(lines.flush()).toBe('no newline');
    expect(lines.flush()).toBeUndefined();
  });
});

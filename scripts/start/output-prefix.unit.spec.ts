import { formatTag, shouldUseColour, tagWidth } from './output-prefix';

describe('formatTag', () => {
  it('pads the bracketed name to the common width, then one space', () => {
    expect(formatTag('sla', 0, { width: 6, colour: false })).toBe('[sla]    ');
    expect(formatTag('ticket', 1, { width: 6, colour: false })).toBe('[ticket] ');
  });

  it('colours the padded tag by position and resets before the text', () => {
    expect(formatTag('sla', 0, { width: 3, colour: true })).toBe('\u001b[36m[sla]\u001b[0m ');
    expect(formatTag('sla', 1, { width: 3, colour: true })).toBe('\u001b[33m[sla]\u001b[0m ');
  });

  it('cycles through the colours when there are more processes than colours', () => {
    expect(formatTag('a', 10, { width: 1, colour: true })).toBe(formatTag('a', 0, { width: 1, colour: true }));
  });
});

describe('tagWidth', () => {
  it('is the longest name', () => {
    expect(tagWidth(['start', 'mail-gateway', 'sla'])).toBe(12);
    expect(tagWidth([])).toBe(0);
  });
});

describe('shouldUseColour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ])('env %j on a terminal: %s -> %s', (env, isTTY, expected) => {
    expect(shouldUseColour(env, isTTY)).toBe(expected);
  });
});

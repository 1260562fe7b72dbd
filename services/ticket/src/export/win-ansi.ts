// The PDF's standard fonts (Helvetica) cover Windows-1252 (WinAnsiEncoding): Latin-1 plus € „ “ – —
// and a few more. Other characters would come out as garbage, so they are mapped to the nearest
// such character (é → e, ł → ?) before they reach the PDF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * `text` in characters the standard PDF fonts can show: line breaks and tabs become spaces,
 * accents the font lacks are dropped (ő → o), anything else becomes `?`.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n\f\v]+/g, ' ')) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}

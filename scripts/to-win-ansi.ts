/**
 * Transliterates text to what the PDF standard 14 fonts can show (WinAnsi). Characters outside it
 * become their closest ASCII spelling, so rendering never throws on a stray symbol and the text a
 * PDF reader extracts still reads naturally. Returns a string every character of which WinAnsi has.
 */

// Code points of WinAnsiEncoding beyond Latin-1 (0x80–0x9F block), plus Latin-1 itself.
const winAnsiExtras = new Set(
  [0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
    0x0153, 0x017e, 0x0178],
);

// Spellings for common symbols WinAnsi lacks; anything else falls back to its decomposition or "?".
const spelled: Record<string, string> = {
  '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2192': '->', '\u2190': '<-', '\u2212': '-',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2015': '-', '\u2032': "'", '\u2033': '"',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2002': ' ', '\u2003': ' ', '\u200b': '',
  '\u0131': 'i', '\u0142': 'l', '\u0141': 'L', '\u0111': 'd', '\u0110': 'D', '\u2116': 'No.',
};

function isWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || winAnsiExtras.has(cp);
}

export function toWinAnsi(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (isWinAnsi(cp)) out += ch;
    else if (ch in spelled) out += spelled[ch];
    else {
      const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...stripped].every((c) => isWinAnsi(c.codePointAt(0)!)) && stripped ? stripped : '?';
    }
  }
  return out;
}

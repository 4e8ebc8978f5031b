/**
 * Converts UTF-16 offsets (Telaah's spans) into Unicode code point offsets (REFI-QDA's text positions:
 * "the first and the last character (Unicode codepoint) in the file", spec §10.2). A character outside
 * the Basic Multilingual Plane (an emoji, 𝔄) is two UTF-16 units but one code point, so every offset
 * after one shifts. Built once per text; each lookup is O(log n) in the number of such characters, and
 * free for the usual text that has none. An offset inside a surrogate pair maps to that character.
 */
export type ToCodePoint = (utf16Offset: number) => number;

export function codePointOffsets(text: string): ToCodePoint {
  const pairs: number[] = []; // UTF-16 offsets of the low surrogates of astral characters, ascending
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(++i);
    }
  }
  if (!pairs.length) return (offset) => offset;
  return (offset) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}

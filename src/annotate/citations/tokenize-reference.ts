/**
 * A reference string → its tokens for the field labeller: runs of letters and digits ("Ruggie",
 * "2013", "C08005", "2d") and each other non-space character on its own (".", ",", "(", "“"), with
 * their offsets into the string and whether a space precedes them. One linear pass; tokens are in
 * order and never overlap, and `raw.slice(t.start, t.end) === t.text`.
 */
export interface ReferenceToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly spaceBefore: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenizeReference(raw: string): ReferenceToken[] {
  const tokens: ReferenceToken[] = [];
  let lastEnd = 0;
  for (const m of raw.matchAll(TOKEN)) {
    const start = m.index;
    tokens.push({ text: m[0], start, end: start + m[0].length, spaceBefore: start === 0 || start > lastEnd });
    lastEnd = start + m[0].length;
  }
  return tokens;
}

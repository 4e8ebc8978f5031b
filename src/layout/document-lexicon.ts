/**
 * The words a document writes whole, and the hyphenated compounds it writes within a line: the
 * evidence `joinLineBreak` weighs before guessing whether a line-end hyphen is real. Lower-cased.
 */
export interface DocumentLexicon {
  readonly words: ReadonlySet<string>;
  readonly hyphenated: ReadonlySet<string>;
}

const WORD = /\p{L}+(?:-\p{L}+)*/gu;

export function documentLexicon(lines: Iterable<string>): DocumentLexicon {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const line of lines) {
    for (const m of line.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      // A word touching the line end may be a broken half; it is no evidence.
      if (m.index! + m[0].length >= line.trimEnd().length && line.trimEnd().endsWith('-')) continue;
      if (w.includes('-')) {
        hyphenated.add(w);
        for (const part of w.split('-')) words.add(part);
      } else words.add(w);
    }
  }
  return { words, hyphenated };
}

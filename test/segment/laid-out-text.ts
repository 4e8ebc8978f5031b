/**
 * Test helper: a LaidOutText for raw text, standing in for the layout stage (written separately).
 * One paragraph per block of non-blank lines, one page, no footnotes unless `notesStart` is given
 * (blocks from there on count as footnote paragraphs).
 */
import type { LaidOutText } from '../../src/document.js';
import type { Span } from '../../src/span.js';

export function laidOutText(text: string, notesStart = text.length): LaidOutText {
  const paragraphs: Span[] = [];
  // A block ends at a line that is empty or only spaces.
  const blank = /\n[ \t\f]*\n/g;
  let from = 0;
  const close = (to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) paragraphs.push({ start: s, end: e });
  };
  for (const m of text.matchAll(blank)) {
    close(m.index);
    from = m.index + m[0].length;
  }
  close(text.length);
  return {
    text,
    notesStart,
    pages: [{ start: 0, end: text.length, number: 1, label: null, header: [], footer: [] }],
    footnotes: [],
    markers: [],
    provisions: [],
    sourceMap: { norm: [0], src: [0], normLength: [text.length], srcLength: [text.length] },
    paragraphs,
  };
}

/**
 * Joins a block to the previous one when the previous is a run of text (over 60 characters) that
 * does not end a sentence, as a layout stage joins lines a text extraction split with blank lines.
 * Headings (short blocks) and numbered headings ("2. Tinjauan") stay apart.
 */
export function joinWrappedBlocks(doc: LaidOutText): LaidOutText {
  const joined: Span[] = [];
  for (const p of doc.paragraphs) {
    const last = joined[joined.length - 1];
    const lastText = last ? doc.text.slice(last.start, last.end) : '';
    const wrapped = last && last.end - last.start > 60 && !/[.?!:]["”’]?$/.test(lastText) && !/^\d+\. /.test(doc.text.slice(p.start, p.end));
    if (wrapped) joined[joined.length - 1] = { start: last.start, end: p.end };
    else joined.push(p);
  }
  return { ...doc, paragraphs: joined };
}

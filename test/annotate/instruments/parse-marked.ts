/**
 * Parses marked text, the way annotator test cases are written:
 *   'diatur dalam <instrument id="id-uu-6-2011">UU No. 6 Tahun 2011</instrument>'
 * Returns the plain text and, per marked element, its tag, its `[start, end)` span in the plain text
 * and its attributes. Elements do not nest.
 */
export interface Marked {
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly attrs: Readonly<Record<string, string>>;
}

export function parseMarked(marked: string): { text: string; marks: Marked[] } {
  const marks: Marked[] = [];
  let text = '';
  const re = /<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)>([^<]*)<\/\1>/g;
  let last = 0;
  for (const m of marked.matchAll(re)) {
    text += marked.slice(last, m.index);
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([a-z-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    marks.push({ tag: m[1], start: text.length, end: text.length + m[3].length, attrs });
    text += m[3];
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, marks };
}

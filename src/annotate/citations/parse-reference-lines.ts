/**
 * `telaah refs parse`: reference strings, one per line → one JSON object per line with the parsed
 * fields in the shape AnyStyle's CLI gives its users (`authors` as "Family, Given" strings; absent
 * fields omitted). Blank lines give blank lines, so output line n always answers input line n.
 */
import { parseReference } from './parse-reference.js';

const FIELDS = ['year', 'title', 'container', 'volume', 'issue', 'pages', 'pinpoint', 'publisher', 'place', 'doi', 'url', 'accessed'] as const;

export function parseReferenceLines(input: string): string {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines
    .map((line) => {
      if (!line.trim()) return '';
      const ref = parseReference(line);
      const out: Record<string, unknown> = { raw: line };
      if (ref.authors.length) out.authors = ref.authors;
      for (const f of FIELDS) if (ref[f] != null) out[f] = ref[f];
      return JSON.stringify(out);
    })
    .map((l) => `${l}\n`)
    .join('');
}

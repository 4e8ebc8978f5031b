/**
 * Field values → one label per token (the training data of the field labeller, and the rules'
 * opinion as features). A value is found in the string by its letters and digits only (case,
 * punctuation and spacing do not count), starting and ending on token boundaries, on tokens no
 * other field took. Long fields are placed first; numbers (year, volume, issue, pages) then take
 * the first free place after the title and container, so "9" is not read inside "1999" or a title.
 * Authors "Family, Given" are found part by part, and the author label spans from the first part to
 * the last. Tokens of no field are `other`. Work is bounded by the token count times the number of
 * values, each search one `indexOf` scan per candidate place.
 */
import type { ReferenceToken } from './tokenize-reference.js';

export const LABELS = ['author', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'publisher', 'place', 'doi', 'url', 'other'] as const;
export type Label = (typeof LABELS)[number];

/** The fields a record or a parse may carry (the labels' JSON shape). */
export interface FieldValues {
  readonly authors?: readonly string[] | null;
  readonly year?: string | null;
  readonly title?: string | null;
  readonly container?: string | null;
  readonly volume?: string | null;
  readonly issue?: string | null;
  readonly pages?: string | null;
  readonly publisher?: string | null;
  readonly place?: string | null;
  readonly doi?: string | null;
  readonly url?: string | null;
}

/** Letters and digits only, lower-cased: what the comparison of values counts. */
export function foldValue(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

class TokenIndex {
  readonly text: string;
  /** Folded-text offset → index of the token starting (or ending) there. */
  readonly startAt = new Map<number, number>();
  readonly endAt = new Map<number, number>();

  constructor(tokens: readonly ReferenceToken[]) {
    let text = '';
    tokens.forEach((t, i) => {
      const f = foldValue(t.text);
      if (!f) return;
      this.startAt.set(text.length, i);
      text += f;
      this.endAt.set(text.length, i);
    });
    this.text = text;
  }
}

export function alignReferenceFields(tokens: readonly ReferenceToken[], fields: FieldValues): Label[] {
  const labels: Label[] = tokens.map(() => 'other');
  const index = new TokenIndex(tokens);
  const taken = (a: number, b: number) => {
    for (let i = a; i <= b; i++) if (labels[i] !== 'other') return true;
    return false;
  };
  /** The first free token range [a, b] spelling `value` at or after token `from`. */
  const find = (value: string | null | undefined, from = 0): [number, number] | null => {
    if (!value) return null;
    const v = foldValue(value);
    if (!v) return null;
    for (let pos = index.text.indexOf(v); pos >= 0; pos = index.text.indexOf(v, pos + 1)) {
      const a = index.startAt.get(pos);
      const b = index.endAt.get(pos + v.length);
      if (a === undefined || b === undefined || a < from || taken(a, b)) continue;
      return [a, b];
    }
    return null;
  };
  const mark = (range: [number, number] | null, label: Label) => {
    if (range) for (let i = range[0]; i <= range[1]; i++) labels[i] = label;
    return range;
  };

  mark(find(fields.doi), 'doi');
  mark(find(fields.url), 'url');
  // Authors before the title: a surname repeated in a title ("Kant, I. Kant's Ethics") belongs to the list.
  let first = Infinity;
  let last = -1;
  for (const name of fields.authors ?? []) {
    for (const part of name.split(/,\s?/)) {
      const r = find(part, 0);
      if (!r || (last >= 0 && r[0] > last + 40)) continue;
      first = Math.min(first, r[0]);
      last = Math.max(last, r[1]);
    }
  }
  if (last >= 0) for (let i = first; i <= last; i++) if (labels[i] === 'other') labels[i] = 'author';
  const title = mark(find(fields.title, last + 1) ?? find(fields.title), 'title');
  const container = mark(find(fields.container, title ? title[1] + 1 : 0) ?? find(fields.container), 'container');
  mark(find(fields.publisher), 'publisher');
  mark(find(fields.place), 'place');
  mark(find(fields.year), 'year');
  const after = Math.max(title?.[1] ?? -1, container?.[1] ?? -1) + 1;
  for (const field of ['volume', 'issue', 'pages'] as const) mark(find(fields[field], after) ?? find(fields[field]), field);
  return labels;
}

/**
 * Works across the corpus: `workKey(ref)` is a stable key (the DOI when there is one, otherwise the
 * first author's normalized family name + year + the first words of the normalized title), and
 * `sameWork(a, b)` decides whether two references cite one work, tolerating small spelling
 * differences ("Rugie"/"Ruggie", a dropped accent, a changed subtitle). The store groups references
 * into works with these two functions.
 */
export interface WorkFields {
  readonly authors: readonly string[];
  readonly year: string | null;
  readonly title: string | null;
  readonly doi: string | null;
}

const TITLE_WORDS = 6;
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'for', 'to', 'dan', 'di', 'dalam', 'yang', 'atas', 'terhadap', 'tentang']);

/** Lower-case letters and digits only, accents dropped. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The family part of a "Family, Given" author string, folded. */
export function familyOf(author: string): string {
  return foldText(author.split(',')[0]).replace(/ /g, '');
}

function titleWords(title: string | null): string[] {
  return title ? foldText(title).split(' ').filter((w) => w && !STOP.has(w)).slice(0, TITLE_WORDS) : [];
}

export function workKey(ref: WorkFields): string {
  if (ref.doi) return `doi:${ref.doi.toLowerCase()}`;
  const family = ref.authors.length ? familyOf(ref.authors[0]) : 'anon';
  return `${family}|${ref.year ?? 'nd'}|${titleWords(ref.title).join(' ')}`;
}

export function sameWork(a: WorkFields, b: WorkFields): boolean {
  if (a.doi && b.doi) return a.doi.toLowerCase() === b.doi.toLowerCase();
  if (a.year && b.year && a.year !== b.year) return false;
  const fa = a.authors.length ? familyOf(a.authors[0]) : '';
  const fb = b.authors.length ? familyOf(b.authors[0]) : '';
  if (fa || fb) {
    if (!fa || !fb || !similarNames(fa, fb)) return false;
  }
  const ta = titleWords(a.title).join(' ');
  const tb = titleWords(b.title).join(' ');
  if (!ta || !tb) return !!(fa && a.year && b.year && !ta && !tb);
  return editDistance(ta, tb, Math.max(2, Math.floor(Math.min(ta.length, tb.length) / 10))) <= Math.max(2, Math.floor(Math.min(ta.length, tb.length) / 10));
}

/** Whether two folded family names are one name misspelt: equal, or one edit apart when long enough. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  return editDistance(a, b, shorter >= 8 ? 2 : 1) <= (shorter >= 8 ? 2 : 1);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`; O(len · limit). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(limit + 1);
    cur[0] = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    let best = cur[0];
    for (let j = from; j <= to; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return Math.min(prev[b.length], limit + 1);
}

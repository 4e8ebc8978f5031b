/**
 * Cited works as CSL-JSON items (the model citation-js and every reference manager share): authors
 * "Family, Given" become name objects (a name without a comma, such as an institution, stays literal),
 * the year becomes `issued`, and the type is read from what the work has: a volume or issue in a
 * container → journal article; a container with a publisher → chapter; a container alone → journal article,
 * or a web page when a URL and no DOI locates it; a publisher and no container → book; else a plain document. Each item gets a citation key
 * (FamilyYearWord, with a/b/c when two works would share one) that BibTeX and RIS exports keep.
 */
import type { ExportCitations } from './collect-citations.js';

export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

export interface CslItem {
  readonly id: string;
  readonly 'citation-key': string;
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly issued?: { readonly 'date-parts': readonly (readonly number[])[] };
  readonly 'container-title'?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly DOI?: string;
  readonly URL?: string;
  readonly note?: string;
}

type Work = ExportCitations['works'][number];

function name(author: string): CslName {
  const cut = author.indexOf(',');
  if (cut <= 0) return { literal: author.trim() };
  const given = author.slice(cut + 1).trim();
  return given ? { family: author.slice(0, cut).trim(), given } : { family: author.slice(0, cut).trim() };
}

function typeOf(w: Work): string {
  if (w.container && (w.volume || w.issue)) return 'article-journal';
  if (w.container && w.publisher) return 'chapter';
  if (w.container) return w.url && !w.doi ? 'webpage' : 'article-journal';
  if (w.publisher) return 'book';
  if (w.url) return 'webpage';
  return 'document';
}

const ascii = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '');

export function worksToCsl(works: ExportCitations['works']): CslItem[] {
  const keys = new Map<string, number>();
  const items = works.map((w) => {
    const authors = w.authors.map(name);
    const first = authors[0];
    const family = ascii(first?.family ?? first?.literal?.split(/\s+/)[0] ?? '') || 'Anon';
    const word = ascii((w.title ?? '').split(/\s+/).find((t) => ascii(t).length > 3) ?? '');
    const base = `${family}${w.year?.match(/\d{4}/)?.[0] ?? 'nd'}${word}`;
    keys.set(base, (keys.get(base) ?? 0) + 1);
    const year = Number(w.year?.match(/\d{4}/)?.[0]);
    const item: Record<string, unknown> = { id: w.workId, 'citation-key': base, type: typeOf(w) };
    if (w.title) item.title = w.title.replace(/[.\s]+$/, '');
    if (authors.length) item.author = authors;
    if (Number.isFinite(year)) item.issued = { 'date-parts': [[year]] };
    if (w.container) item['container-title'] = w.container;
    if (w.volume) item.volume = w.volume;
    if (w.issue) item.issue = w.issue;
    if (w.pages) item.page = w.pages;
    if (w.publisher) item.publisher = w.publisher;
    if (w.place) item['publisher-place'] = w.place;
    if (w.doi) item.DOI = w.doi;
    if (w.url) item.URL = w.url;
    item.note = `Telaah work ${w.workId}; cited by ${w.citedByDocuments} document(s), ${w.citations} time(s)`;
    return item as unknown as CslItem & { 'citation-key': string };
  });
  // Disambiguate keys two works share: Smith2020Law → Smith2020Lawa, Smith2020Lawb.
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = item['citation-key'];
    if ((keys.get(base) ?? 0) < 2) return item;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...item, 'citation-key': `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ''}` };
  });
}

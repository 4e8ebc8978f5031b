/**
 * References and the works they cite, as the exports write them. Works come from the corpus grouping
 * in the store (works, work_references); when a store has none yet (built before grouping, or grouping
 * disabled) they are grouped here by each reference's work key, so the exports still carry them.
 * A back-reference ("Ibid.", "Op. cit.") takes the work of the note it resolves to in the same document.
 */
import type { ExportDocument, ExportStore, ExportWork } from '../store/export-store.js';

export interface ExportReference {
  readonly document: ExportDocument;
  readonly annotationId: number;
  readonly noteNumber: number | null;
  readonly refIndex: number;
  readonly raw: string;
  readonly authors: readonly string[];
  readonly year: string | null;
  readonly title: string | null;
  readonly container: string | null;
  readonly volume: string | null;
  readonly issue: string | null;
  readonly pages: string | null;
  readonly pinpoint: string | null;
  readonly publisher: string | null;
  readonly place: string | null;
  readonly doi: string | null;
  readonly url: string | null;
  readonly workId: string | null;
  readonly backReference: string | null;
  /** `<note>#<refIndex>` of the reference a back-reference repeats. */
  readonly resolvedTo: string | null;
  readonly unresolved: string | null;
}

export interface ExportCitations {
  readonly references: readonly ExportReference[];
  readonly works: readonly (ExportWork & { readonly publisher: string | null; readonly place: string | null; readonly volume: string | null; readonly issue: string | null; readonly pages: string | null; readonly url: string | null })[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function collectCitations(store: ExportStore, documents: readonly ExportDocument[]): ExportCitations {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const grouped = store.workOfReference();
  const references: ExportReference[] = [];
  const workOfNote = new Map<string, string | null>(); // `${document}|${note}#${refIndex}` → work id
  for (const a of store.annotations('reference')) {
    const document = byId.get(a.document);
    if (!document) continue;
    const d = a.data;
    const back = (d.backReference ?? null) as { type?: unknown; refersTo?: unknown; refIndex?: unknown } | null;
    const resolvedTo = back && num(back.refersTo) !== null ? `${num(back.refersTo)}#${num(back.refIndex) ?? 0}` : null;
    const workId = grouped.get(a.id) ?? str(d.workKey) ?? (resolvedTo ? (workOfNote.get(`${a.document}|${resolvedTo}`) ?? null) : null);
    const noteNumber = num(d.noteNumber);
    const refIndex = num(d.refIndex) ?? 0;
    if (noteNumber !== null) workOfNote.set(`${a.document}|${noteNumber}#${refIndex}`, workId);
    references.push({
      document, annotationId: a.id, noteNumber, refIndex, raw: str(d.raw) ?? store.text(a.document).slice(a.start, a.end),
      authors: strings(d.authors), year: str(d.year), title: str(d.title), container: str(d.container), volume: str(d.volume),
      issue: str(d.issue), pages: str(d.pages), pinpoint: str(d.pinpoint), publisher: str(d.publisher), place: str(d.place),
      doi: str(d.doi), url: str(d.url), workId, backReference: back ? (str(back.type) ?? 'back-reference') : null, resolvedTo,
      unresolved: str(d.unresolved),
    });
  }
  return { references, works: worksOf(store.works(), references) };
}

/** The store's works, or works grouped from the references' work ids; details from the fullest reference. */
function worksOf(stored: readonly ExportWork[], references: readonly ExportReference[]): ExportCitations['works'] {
  const byWork = new Map<string, ExportReference[]>();
  for (const r of references) {
    if (!r.workId) continue;
    const list = byWork.get(r.workId);
    if (list) list.push(r);
    else byWork.set(r.workId, [r]);
  }
  const fullest = (list: readonly ExportReference[] | undefined) =>
    list?.filter((r) => !r.backReference).sort((a, b) => filled(b) - filled(a))[0] ?? list?.[0] ?? null;
  const details = (r: ExportReference | null) => ({
    publisher: r?.publisher ?? null, place: r?.place ?? null, volume: r?.volume ?? null, issue: r?.issue ?? null,
    pages: r?.pages ?? null, url: r?.url ?? null,
  });
  if (stored.length) return stored.map((w) => ({ ...w, ...details(fullest(byWork.get(w.workId))) }));
  const works = [...byWork].map(([workId, list]) => {
    const best = fullest(list)!;
    return {
      workId, authors: best.authors, year: best.year, title: best.title, container: best.container, doi: best.doi,
      citedByDocuments: new Set(list.map((r) => r.document.id)).size, citations: list.length, ...details(best),
    };
  });
  return works.sort((a, b) => b.citations - a.citations || a.workId.localeCompare(b.workId));
}

function filled(r: ExportReference): number {
  return [r.title, r.year, r.container, r.doi, r.publisher, r.volume, r.pages].filter(Boolean).length + (r.authors.length ? 1 : 0);
}

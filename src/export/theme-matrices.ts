/**
 * The theme matrices, in long (tidy) layout, computed from the sentence codes an export counts (the
 * caller drops rejected codes and applies `--status`):
 * - theme × document: coded sentences and their share of the document's sentences, every pair listed
 *   (zeros included) so a heatmap or a pivot table needs no filling in;
 * - theme co-occurrence: pairs of themes coded on the same sentence, and in the same paragraph (a
 *   paragraph carries a theme when any of its sentences does), with the Jaccard index of the two;
 * - instrument × theme: sentences of a theme in which an instrument is mentioned (outside cited titles).
 */
import type { ExportDocument } from '../store/export-store.js';
import type { ExportCode } from './collect-codes.js';
import type { ExportMention } from './collect-instruments.js';

export interface ThemeInfo {
  readonly id: string;
  readonly name: string;
}

export interface ThemeByDocumentRow {
  readonly document: ExportDocument;
  readonly themeId: string;
  readonly themeName: string;
  readonly sentences: number;
  readonly documentSentences: number;
  readonly share: number;
}

export interface CooccurrenceRow {
  readonly level: 'sentence' | 'paragraph';
  readonly themeA: string;
  readonly themeB: string;
  readonly both: number;
  readonly unitsA: number;
  readonly unitsB: number;
  readonly documents: number;
  readonly jaccard: number;
}

export interface InstrumentByThemeRow {
  readonly instrumentId: string;
  readonly instrumentName: string;
  readonly themeId: string;
  readonly themeName: string;
  readonly sentences: number;
  readonly documents: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The themes of each unit (a sentence span, or a paragraph), in one pass: codes arrive ordered by
 * document and position, so the codes of one sentence, and of one paragraph, are adjacent.
 */
function* unitThemes(codes: readonly ExportCode[], level: 'sentence' | 'paragraph'): Generator<{ document: number; themes: string[] }> {
  let previous: ExportCode | null = null;
  let themes: string[] = [];
  const sameUnit = level === 'sentence'
    ? (a: ExportCode, b: ExportCode) => a.document.id === b.document.id && a.start === b.start && a.end === b.end
    : (a: ExportCode, b: ExportCode) => a.document.id === b.document.id && a.paragraph === b.paragraph;
  for (const c of codes) {
    if (level === 'paragraph' && c.paragraph === null) continue;
    if (!previous || !sameUnit(previous, c)) {
      if (themes.length) yield { document: previous!.document.id, themes };
      themes = [];
    }
    previous = c;
    if (!themes.includes(c.themeId)) themes.push(c.themeId);
  }
  if (themes.length) yield { document: previous!.document.id, themes };
}

export function themeByDocument(codes: readonly ExportCode[], documents: readonly ExportDocument[], sentenceCounts: ReadonlyMap<number, number>, themes: readonly ThemeInfo[]): ThemeByDocumentRow[] {
  const coded = new Map<string, Set<string>>(); // document|theme → sentence spans
  for (const c of codes) {
    const key = `${c.document.id}|${c.themeId}`;
    let set = coded.get(key);
    if (!set) coded.set(key, (set = new Set()));
    set.add(`${c.start}|${c.end}`);
  }
  const rows: ThemeByDocumentRow[] = [];
  for (const document of documents) {
    if (document.status === 'failed' || document.status === 'missing') continue;
    const total = sentenceCounts.get(document.id) ?? 0;
    for (const t of themes) {
      const n = coded.get(`${document.id}|${t.id}`)?.size ?? 0;
      rows.push({ document, themeId: t.id, themeName: t.name, sentences: n, documentSentences: total, share: total ? round(n / total) : 0 });
    }
  }
  return rows;
}

export function themeCooccurrence(codes: readonly ExportCode[]): CooccurrenceRow[] {
  const rows: CooccurrenceRow[] = [];
  for (const level of ['sentence', 'paragraph'] as const) {
    const perTheme = new Map<string, number>();
    // theme a → theme b (a < b) → the pair's count. Nested maps, not a joined key: a paragraph with many
    // themes makes dozens of pairs, and building a string per pair was most of the cost.
    const pairs = new Map<string, Map<string, { both: number; documents: Set<number>; lastDocument: number }>>();
    for (const { document, themes: unsorted } of unitThemes(codes, level)) {
      const themes = unsorted.sort();
      for (const t of themes) perTheme.set(t, (perTheme.get(t) ?? 0) + 1);
      for (let i = 0; i < themes.length; i++) {
        let withA = pairs.get(themes[i]);
        if (!withA) pairs.set(themes[i], (withA = new Map()));
        for (let j = i + 1; j < themes.length; j++) {
          let p = withA.get(themes[j]);
          if (!p) withA.set(themes[j], (p = { both: 0, documents: new Set(), lastDocument: -1 }));
          p.both++;
          // Units come grouped by document, so the set is touched once per document, not once per unit.
          if (p.lastDocument !== document) {
            p.documents.add(document);
            p.lastDocument = document;
          }
        }
      }
    }
    const flat: { key: string; a: string; b: string; both: number; documents: number }[] = [];
    for (const [a, withA] of pairs) for (const [b, p] of withA) flat.push({ key: `${a}\u0000${b}`, a, b, both: p.both, documents: p.documents.size });
    for (const p of flat.sort((x, y) => y.both - x.both || x.key.localeCompare(y.key))) {
      const unitsA = perTheme.get(p.a) ?? 0;
      const unitsB = perTheme.get(p.b) ?? 0;
      rows.push({ level, themeA: p.a, themeB: p.b, both: p.both, unitsA, unitsB, documents: p.documents, jaccard: round(p.both / (unitsA + unitsB - p.both)) });
    }
  }
  return rows;
}

export function instrumentByTheme(codes: readonly ExportCode[], mentions: readonly ExportMention[]): InstrumentByThemeRow[] {
  const mentionsByDoc = new Map<number, { list: ExportMention[]; maxEnd: number[] }>();
  for (const m of mentions) {
    if (m.inReference) continue;
    const entry = mentionsByDoc.get(m.document.id);
    if (entry) entry.list.push(m);
    else mentionsByDoc.set(m.document.id, { list: [m], maxEnd: [] });
  }
  // Mentions sorted by start with a running maximum of their ends: the mentions overlapping a span are
  // found by one binary search and a backward walk that stops where no earlier mention reaches the span.
  for (const entry of mentionsByDoc.values()) {
    entry.list.sort((a, b) => a.start - b.start);
    let max = -1;
    entry.maxEnd = entry.list.map((m) => (max = Math.max(max, m.end)));
  }
  const cells = new Map<string, { instrumentName: string; themeName: string; sentences: Set<string>; documents: Set<number> }>();
  for (const c of codes) {
    const entry = mentionsByDoc.get(c.document.id);
    if (!entry) continue;
    const { list, maxEnd } = entry;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < c.end) lo = mid + 1;
      else hi = mid;
    }
    const seen = new Set<string>();
    for (let i = lo - 1; i >= 0 && maxEnd[i] > c.start; i--) {
      const m = list[i];
      if (m.end <= c.start || seen.has(m.instrumentId)) continue;
      seen.add(m.instrumentId);
      const key = `${m.instrumentId}\u0000${c.themeId}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { instrumentName: m.instrumentName, themeName: c.themeName, sentences: new Set(), documents: new Set() }));
      cell.sentences.add(`${c.document.id}|${c.start}|${c.end}`);
      cell.documents.add(c.document.id);
    }
  }
  return [...cells]
    .map(([key, cell]) => {
      const [instrumentId, themeId] = key.split('\u0000');
      return { instrumentId, instrumentName: cell.instrumentName, themeId, themeName: cell.themeName, sentences: cell.sentences.size, documents: cell.documents.size };
    })
    .sort((a, b) => b.sentences - a.sentences || a.instrumentId.localeCompare(b.instrumentId) || a.themeId.localeCompare(b.themeId));
}

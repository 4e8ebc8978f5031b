/**
 * The CSV tables Telaah exports: name, columns (a contract; each is documented in docs/exports.md) and
 * the rows, read from the shared export context. Long (tidy) layout throughout: one row per
 * observation, lists joined with '; ' inside a cell, booleans as true/false, missing values empty.
 * Each capability adds its tables here.
 */
import path from 'node:path';
import { documentLabel, type ExportContext } from './export-context.js';
import { instrumentByTheme, themeByDocument, themeCooccurrence } from './theme-matrices.js';
import { quoteCitation } from './quote-citation.js';

type Row = Record<string, unknown>;

export interface CsvTable {
  readonly name: string;
  readonly columns: readonly string[];
  rows(context: ExportContext): Iterable<Row>;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export const csvTables: readonly CsvTable[] = [
  {
    name: 'documents',
    columns: ['document_id', 'file', 'sha256', 'title', 'language', 'pages', 'status', 'error'],
    rows: (c) =>
      c.documents().map((d) => ({ document_id: d.documentId, file: d.file, sha256: d.sha256, title: d.title, language: d.language, pages: d.pages, status: d.status, error: d.error })),
  },
  {
    name: 'pages',
    columns: ['document_id', 'page', 'label', 'text'],
    *rows(c) {
      const ids = new Map(c.documents().map((d) => [d.id, d.documentId]));
      for (const p of c.store.pages()) yield { document_id: ids.get(p.document), page: p.number, label: p.label, text: c.store.text(p.document).slice(p.start, p.end) };
    },
  },
  {
    name: 'footnotes',
    columns: ['document_id', 'number', 'page', 'text'],
    *rows(c) {
      const ids = new Map(c.documents().map((d) => [d.id, d.documentId]));
      for (const f of c.store.footnotes()) yield { document_id: ids.get(f.document), number: f.number, page: f.page, text: c.store.text(f.document).slice(f.start, f.end) };
    },
  },
  {
    name: 'messages',
    columns: ['document_id', 'file', 'stage', 'source', 'rule', 'severity', 'reason', 'page', 'start', 'end'],
    *rows(c) {
      for (const m of c.store.messages()) yield { document_id: m.documentId, file: m.file, stage: m.stage, source: m.source, rule: m.rule, severity: m.severity, reason: m.reason, page: m.page, start: m.start, end: m.end };
    },
  },
  {
    name: 'mentions',
    columns: ['document_id', 'instrument_id', 'instrument_name', 'kind', 'surface', 'provision', 'page', 'start', 'end', 'in_footnote'],
    rows: (c) =>
      c.mentions().map((m) => ({
        document_id: m.document.documentId, instrument_id: m.instrumentId, instrument_name: m.instrumentName, kind: m.kind, surface: m.surface,
        provision: m.provision, page: m.page, start: m.start, end: m.end, in_footnote: m.inFootnote,
      })),
  },
  {
    name: 'instruments',
    columns: ['instrument_id', 'name_en', 'name_id', 'kind', 'year', 'indonesia_status', 'mentions', 'documents'],
    rows: (c) =>
      c.instruments().map((i) => ({
        instrument_id: i.id, name_en: i.nameEn, name_id: i.nameId, kind: i.kind, year: i.year, indonesia_status: i.indonesiaStatus, mentions: i.mentions, documents: i.documents,
      })),
  },
  {
    name: 'claims',
    columns: ['document_id', 'state', 'instrument_id', 'instrument_name', 'asserted_status', 'registry_status', 'contradiction', 'reason', 'sentence', 'page', 'start', 'end'],
    *rows(c) {
      const docs = new Map(c.documents().map((d) => [d.id, d]));
      const names = new Map(c.instruments().map((i) => [i.id, i.nameEn ?? i.nameId ?? i.id]));
      for (const a of c.store.annotations('claim')) {
        const d = a.data;
        const instrumentId = typeof d.instrumentId === 'string' ? d.instrumentId : null;
        yield {
          document_id: docs.get(a.document)?.documentId, state: d.state, instrument_id: instrumentId, instrument_name: instrumentId ? (names.get(instrumentId) ?? instrumentId) : null,
          asserted_status: d.asserted, registry_status: d.registryStatus, contradiction: d.contradiction === true, reason: d.reason,
          sentence: collapse(c.store.text(a.document).slice(a.start, a.end)), page: a.page, start: a.start, end: a.end,
        };
      }
    },
  },
  {
    name: 'references',
    columns: ['document_id', 'note_number', 'ref_index', 'raw', 'authors', 'year', 'title', 'container', 'volume', 'issue', 'pages', 'pinpoint', 'doi', 'url', 'work_id', 'back_reference', 'resolved_to'],
    rows: (c) =>
      c.citations().references.map((r) => ({
        document_id: r.document.documentId, note_number: r.noteNumber, ref_index: r.refIndex, raw: r.raw, authors: r.authors.join('; '), year: r.year, title: r.title,
        container: r.container, volume: r.volume, issue: r.issue, pages: r.pages, pinpoint: r.pinpoint, doi: r.doi, url: r.url, work_id: r.workId,
        back_reference: r.backReference, resolved_to: r.resolvedTo,
      })),
  },
  {
    name: 'works',
    columns: ['work_id', 'authors', 'year', 'title', 'container', 'doi', 'cited_by_documents', 'citations'],
    rows: (c) =>
      c.citations().works.map((w) => ({
        work_id: w.workId, authors: w.authors.join('; '), year: w.year, title: w.title, container: w.container, doi: w.doi, cited_by_documents: w.citedByDocuments, citations: w.citations,
      })),
  },
  {
    name: 'codes',
    columns: ['document_id', 'theme_id', 'theme_name', 'segment_id', 'page', 'start', 'end', 'excerpt', 'evidence', 'score', 'origin', 'status', 'reviewer'],
    rows: (c) =>
      c.codes().map((k) => ({
        document_id: k.document.documentId, theme_id: k.themeId, theme_name: k.themeName, segment_id: k.segmentId, page: k.page, start: k.start, end: k.end,
        excerpt: k.excerpt, evidence: k.evidence, score: k.score, origin: k.origin, status: k.status, reviewer: k.reviewer,
      })),
  },
  {
    name: 'quotes',
    columns: ['theme_id', 'theme_name', 'document_id', 'title', 'page', 'excerpt', 'citation', 'status'],
    *rows(c) {
      const order = new Map(c.themes().map((t, i) => [t.id, i]));
      const labels = pageLabels(c);
      const file = fileRanks(c);
      const codes = c.countedCodes();
      // Sort keys read once per quote into typed arrays, then the quotes' indices sorted (stable, so ties
      // keep the codes' order): theme (codebook order), accepted first, higher score, file, position.
      const n = codes.length;
      const theme = new Float64Array(n), accepted = new Float64Array(n), score = new Float64Array(n), rank = new Float64Array(n), start = new Float64Array(n);
      codes.forEach((k, i) => {
        theme[i] = order.get(k.themeId) ?? 1e9;
        accepted[i] = Number(k.status === 'accepted');
        score[i] = k.score ?? 0;
        rank[i] = file.get(k.document.id)!;
        start[i] = k.start;
      });
      const sorted = Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => theme[a] - theme[b] || accepted[b] - accepted[a] || score[b] - score[a] || rank[a] - rank[b] || start[a] - start[b]);
      const titles = new Map<number, string>();
      const citations = new Map<string, string>();
      for (const i of sorted) {
        const k = codes[i];
        const label = labels.get(`${k.document.id}|${k.page}`) ?? String(k.page);
        let title = titles.get(k.document.id);
        if (title === undefined) titles.set(k.document.id, (title = documentLabel(k.document)));
        const citationKey = `${k.document.id}|${label}`;
        let citation = citations.get(citationKey);
        if (citation === undefined) citations.set(citationKey, (citation = quoteCitation(k.document, label)));
        yield {
          theme_id: k.themeId, theme_name: k.themeName, document_id: k.document.documentId, title, page: k.page,
          excerpt: collapse(k.excerpt), citation, status: k.status,
        };
      }
    },
  },
  {
    name: 'theme_by_document',
    columns: ['document_id', 'title', 'theme_id', 'theme_name', 'sentences', 'document_sentences', 'share'],
    rows: (c) =>
      themeByDocument(c.countedCodes(), c.documents(), c.sentenceCounts(), c.themes()).map((r) => ({
        document_id: r.document.documentId, title: documentLabel(r.document), theme_id: r.themeId, theme_name: r.themeName, sentences: r.sentences,
        document_sentences: r.documentSentences, share: r.share,
      })),
  },
  {
    name: 'theme_cooccurrence',
    columns: ['level', 'theme_a', 'theme_b', 'both', 'units_a', 'units_b', 'documents', 'jaccard'],
    rows: (c) =>
      themeCooccurrence(c.countedCodes()).map((r) => ({
        level: r.level, theme_a: r.themeA, theme_b: r.themeB, both: r.both, units_a: r.unitsA, units_b: r.unitsB, documents: r.documents, jaccard: r.jaccard,
      })),
  },
  {
    name: 'instrument_by_theme',
    columns: ['instrument_id', 'instrument_name', 'theme_id', 'theme_name', 'sentences', 'documents'],
    rows: (c) =>
      instrumentByTheme(c.countedCodes(), c.mentions()).map((r) => ({
        instrument_id: r.instrumentId, instrument_name: r.instrumentName, theme_id: r.themeId, theme_name: r.themeName, sentences: r.sentences, documents: r.documents,
      })),
  },
  {
    name: 'agreement',
    columns: ['theme', 'level', 'uncoded_text', 'reviewers', 'units', 'cohen_kappa', 'krippendorff_alpha', 'consensus_units', 'auto_true_positives', 'auto_false_positives', 'auto_false_negatives', 'auto_precision', 'auto_recall'],
    rows: (c) => c.agreement(),
  },
  {
    name: 'audit',
    columns: ['decision_id', 'created_at', 'reviewer', 'action', 'target_kind', 'document_id', 'document_sha256', 'document_file', 'start', 'end', 'target_key', 'surface', 'previous_status', 'new_status', 'new_key', 'memo', 'undoes', 'blind', 'adjudication', 'orphaned'],
    *rows(c) {
      const bySha = new Map(c.documents().filter((d) => d.sha256).map((d) => [d.sha256!, d]));
      for (const d of c.decisions()) {
        const doc = bySha.get(d.documentSha256);
        yield {
          decision_id: d.id, created_at: d.createdAt, reviewer: d.reviewer, action: d.action, target_kind: d.targetKind, document_id: doc?.documentId ?? null,
          document_sha256: d.documentSha256, document_file: d.documentFile ?? (doc ? path.basename(doc.file) : null), start: d.start, end: d.end, target_key: d.targetKey,
          surface: d.surface, previous_status: d.previousStatus, new_status: d.newStatus, new_key: d.newKey, memo: d.memo, undoes: d.undoes, blind: d.blind,
          adjudication: d.adjudication, orphaned: !doc,
        };
      }
    },
  },
];

/**
 * document row id → its file's rank in `localeCompare` order (files comparing equal share a rank), so a
 * sort of 100,000+ quotes compares numbers instead of collating file names at every comparison.
 */
function fileRanks(c: ExportContext): Map<number, number> {
  const sorted = [...c.documents()].sort((a, b) => a.file.localeCompare(b.file));
  const ranks = new Map<number, number>();
  let rank = 0;
  sorted.forEach((d, i) => {
    if (i > 0 && sorted[i - 1].file.localeCompare(d.file) !== 0) rank++;
    ranks.set(d.id, rank);
  });
  return ranks;
}

/** document row id|page number → the page's printed label. */
function pageLabels(c: ExportContext): Map<string, string> {
  const labels = new Map<string, string>();
  for (const p of c.store.pages()) if (p.label) labels.set(`${p.document}|${p.number}`, p.label);
  return labels;
}

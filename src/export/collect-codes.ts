/**
 * The theme codes an export writes: every sentence-level machine code with its review status derived
 * from the decision log, the manual codes reviewers added, and, for a code a reviewer recoded, the code
 * it became (origin 'recode'). Paragraph roll-ups are left out: they are derived from the sentence
 * codes, which the matrices roll up themselves, so a reviewed status counts the same at both levels.
 * Status: 'proposed' (no standing decision), 'accepted', 'rejected' or 'recoded'.
 * Guarantee: `text.slice(start, end) === excerpt` for every code (spans are UTF-16 offsets into the
 * document's normalized text).
 */
import type { ExportDocument, ExportStore } from '../store/export-store.js';
import type { DecisionRow } from '../store/review-store.js';
import { deriveStatus, groupByTarget, targetId } from '../review/derive-status.js';

export type CodeStatus = 'proposed' | 'accepted' | 'rejected' | 'recoded';
export type CodeOrigin = 'machine' | 'manual' | 'recode';

export interface ExportCode {
  readonly document: ExportDocument;
  readonly themeId: string;
  readonly themeName: string;
  readonly segmentId: number | null;
  /** Index of the paragraph the sentence belongs to (null when unknown). */
  readonly paragraph: number | null;
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
  readonly evidence: string;
  readonly score: number | null;
  readonly origin: CodeOrigin;
  readonly status: CodeStatus;
  /** Reviewers with a standing decision on the code, sorted, joined by ';'. */
  readonly reviewer: string;
  readonly memos: readonly { reviewer: string; memo: string; createdAt: string }[];
  readonly inFootnote: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** `rule: term, term; rule: term` — the evidence of a code, compact enough for a spreadsheet cell. */
export function formatEvidence(evidence: unknown): string {
  if (!Array.isArray(evidence)) return '';
  return evidence
    .map((e: unknown) => {
      const item = (e ?? {}) as { rule?: unknown; terms?: unknown };
      const terms = Array.isArray(item.terms) ? item.terms.filter((t): t is string => typeof t === 'string') : [];
      return `${str(item.rule) ?? '?'}: ${terms.join(', ')}`;
    })
    .join('; ');
}

interface CodeReview {
  readonly status: CodeStatus;
  readonly newKey: string | null;
  readonly reviewer: string;
  readonly memos: ExportCode['memos'];
}

/** What an undecided code carries: shared, because nearly every code of a large store is undecided. */
const UNDECIDED: CodeReview = Object.freeze({ status: 'proposed', newKey: null, reviewer: '', memos: Object.freeze([]) as ExportCode['memos'] });

function statusOf(decisions: readonly DecisionRow[] | undefined): CodeReview {
  if (!decisions?.length) return UNDECIDED;
  const derived = deriveStatus(decisions);
  const status: CodeStatus = derived.status === 'pending' ? 'proposed' : derived.status;
  const reviewers = new Set<string>(derived.byReviewer.keys());
  for (const d of decisions) if (d.adjudication && d.action !== 'undo') reviewers.add(d.reviewer);
  return {
    status,
    newKey: derived.status === 'recoded' ? derived.newKey : null,
    reviewer: [...reviewers].sort().join(';'),
    memos: derived.memos.map((m) => ({ reviewer: m.reviewer, memo: m.memo ?? '', createdAt: m.createdAt })),
  };
}

/** A code's stored JSON as an object; anything else (malformed, an array, null) reads as `{}`. */
function parseData(raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    return {};
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

type SentenceIndex = Map<number, Map<number, { id: number; paragraph: number | null }>>;

/** A document's sentences by start, then end (the last stored sentence wins when two share a span). */
function sentenceIndex(store: ExportStore, document: number): SentenceIndex {
  const index: SentenceIndex = new Map();
  for (const [start, end, id, paragraph] of store.sentenceSpans(document)) {
    let byEnd = index.get(start);
    if (!byEnd) index.set(start, (byEnd = new Map()));
    byEnd.set(end, { id, paragraph });
  }
  return index;
}

const byPosition = (x: ExportCode, y: ExportCode) => x.start - y.start || x.end - y.end || (x.themeId < y.themeId ? -1 : x.themeId > y.themeId ? 1 : 0);

/**
 * Codes come out in the documents' order (the order `documents` is given in, by file), then by start,
 * end and theme id (ties keep the order codes were stored in, a recode right after the code it replaces).
 * Each document's codes are read with one indexed query and sorted on their own, and a
 * decision key is built only for documents someone decided in, so a store of mostly undecided codes costs
 * little more than reading them.
 */
export function collectCodes(store: ExportStore, documents: readonly ExportDocument[], decisions: readonly DecisionRow[], themeNames: ReadonlyMap<string, string>): ExportCode[] {
  const groups = groupByTarget(decisions.filter((d) => d.targetKind === 'theme-code'));
  const decidedShas = new Set<string>();
  for (const list of groups.values()) decidedShas.add(list[0].documentSha256);
  const seen = new Set<string>();
  const nameOf = (themeId: string, fallback?: string | null) => fallback ?? themeNames.get(themeId) ?? themeId;
  const perDocument = new Map<number, ExportCode[]>();

  for (const document of documents) {
    const rows = store.themeCodes(document.id);
    if (!rows.length) continue;
    const text = store.text(document.id);
    const sha = document.sha256 ?? '';
    const decided = decidedShas.has(sha);
    let sentences: SentenceIndex | null = null;
    const out: ExportCode[] = [];
    for (const a of rows) {
      const data = parseData(a.data);
      if (data.level === 'paragraph') continue;
      const themeId = str(data.themeId);
      if (!themeId) continue;
      sentences ??= sentenceIndex(store, document.id);
      const sentence = sentences.get(a.start)?.get(a.end) ?? null;
      let s = UNDECIDED;
      if (decided) {
        const key = targetId({ documentSha256: sha, targetKind: 'theme-code', start: a.start, end: a.end, targetKey: themeId });
        seen.add(key);
        s = statusOf(groups.get(key));
      }
      const excerpt = text.slice(a.start, a.end);
      const inFootnote = a.inFootnote === 1;
      out.push({
        document, themeId, themeName: nameOf(themeId, str(data.themeName)), segmentId: sentence?.id ?? null, paragraph: sentence?.paragraph ?? null,
        page: a.page, start: a.start, end: a.end, excerpt, evidence: formatEvidence(data.evidence), score: typeof data.score === 'number' ? data.score : null,
        origin: 'machine', status: s.status, reviewer: s.reviewer, memos: s.memos, inFootnote,
      });
      if (s.newKey) {
        out.push({
          document, themeId: s.newKey, themeName: nameOf(s.newKey), segmentId: sentence?.id ?? null, paragraph: sentence?.paragraph ?? null,
          page: a.page, start: a.start, end: a.end, excerpt, evidence: `recoded from ${themeId}`, score: null,
          origin: 'recode', status: 'accepted', reviewer: s.reviewer, memos: s.memos, inFootnote,
        });
      }
    }
    if (out.length) perDocument.set(document.id, out);
  }

  // Manual codes: decision groups that start with a 'manual' action and match no machine code.
  const bySha = new Map(documents.filter((d) => d.sha256).map((d) => [d.sha256!, d]));
  for (const [key, list] of groups) {
    if (seen.has(key) || !list.some((d) => d.action === 'manual')) continue;
    const first = list[0];
    const document = bySha.get(first.documentSha256);
    if (!document) continue; // orphaned: the document changed; audit.csv still lists the decisions
    const text = store.text(document.id);
    if (first.end > text.length) continue;
    const s = statusOf(list);
    const sentence = sentenceIndex(store, document.id).get(first.start)?.get(first.end) ?? null;
    const code: ExportCode = {
      document, themeId: first.targetKey, themeName: nameOf(first.targetKey), segmentId: sentence?.id ?? null, paragraph: sentence?.paragraph ?? null,
      page: pageOf(store, document.id, first.start), start: first.start, end: first.end, excerpt: text.slice(first.start, first.end),
      evidence: 'manual', score: null, origin: 'manual', status: s.status === 'proposed' ? 'accepted' : s.status, reviewer: s.reviewer || first.reviewer,
      memos: s.memos, inFootnote: false,
    };
    const out = perDocument.get(document.id);
    if (out) out.push(code);
    else perDocument.set(document.id, [code]);
  }
  // Codes are stored in reading order, so each document's list is nearly sorted and the stable sort is cheap.
  const all: ExportCode[] = [];
  for (const document of documents) {
    const out = perDocument.get(document.id);
    if (!out) continue;
    perDocument.delete(document.id);
    for (const code of out.sort(byPosition)) all.push(code);
  }
  return all;
}

function pageOf(store: ExportStore, document: number, offset: number): number {
  let page = 1;
  for (const s of store.segments(document)) if (s.start <= offset) page = s.page;
  return page;
}

/** Whether a code passes `--status` (an exact status, or 'reviewed' for any decided status). */
export function codeMatchesStatus(code: Pick<ExportCode, 'status'>, status: string | undefined): boolean {
  if (!status) return true;
  if (status === 'reviewed') return code.status !== 'proposed';
  return code.status === status;
}

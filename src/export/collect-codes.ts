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

function statusOf(decisions: readonly DecisionRow[] | undefined) {
  if (!decisions?.length) return { status: 'proposed' as CodeStatus, newKey: null, reviewer: '', memos: [] };
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

export function collectCodes(store: ExportStore, documents: readonly ExportDocument[], decisions: readonly DecisionRow[], themeNames: ReadonlyMap<string, string>): ExportCode[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const groups = groupByTarget(decisions.filter((d) => d.targetKind === 'theme-code'));
  const seen = new Set<string>();
  const out: ExportCode[] = [];
  let segments = { document: -1, sentences: new Map<string, { id: number; paragraph: number | null }>() };
  const sentenceAt = (document: number, start: number, end: number) => {
    if (segments.document !== document) {
      const map = new Map<string, { id: number; paragraph: number | null }>();
      for (const s of store.segments(document)) if (s.kind === 'sentence') map.set(`${s.start}|${s.end}`, { id: s.id, paragraph: s.paragraph });
      segments = { document, sentences: map };
    }
    return segments.sentences.get(`${start}|${end}`) ?? null;
  };
  const nameOf = (themeId: string, fallback?: string | null) => fallback ?? themeNames.get(themeId) ?? themeId;

  for (const a of store.annotations('theme-code')) {
    if (a.data.level === 'paragraph') continue;
    const document = byId.get(a.document);
    const themeId = str(a.data.themeId);
    if (!document || !themeId) continue;
    const text = store.text(a.document);
    const sentence = sentenceAt(a.document, a.start, a.end);
    const key = targetId({ documentSha256: document.sha256 ?? '', targetKind: 'theme-code', start: a.start, end: a.end, targetKey: themeId });
    seen.add(key);
    const s = statusOf(groups.get(key));
    const base = {
      document, segmentId: sentence?.id ?? null, paragraph: sentence?.paragraph ?? null, page: a.page, start: a.start, end: a.end,
      excerpt: text.slice(a.start, a.end), reviewer: s.reviewer, memos: s.memos, inFootnote: a.inFootnote,
    };
    out.push({
      ...base, themeId, themeName: nameOf(themeId, str(a.data.themeName)), evidence: formatEvidence(a.data.evidence),
      score: typeof a.data.score === 'number' ? a.data.score : null, origin: 'machine', status: s.status,
    });
    if (s.newKey) out.push({ ...base, themeId: s.newKey, themeName: nameOf(s.newKey), evidence: `recoded from ${themeId}`, score: null, origin: 'recode', status: 'accepted' });
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
    const sentence = sentenceAt(document.id, first.start, first.end);
    out.push({
      document, themeId: first.targetKey, themeName: nameOf(first.targetKey), segmentId: sentence?.id ?? null, paragraph: sentence?.paragraph ?? null,
      page: pageOf(store, document.id, first.start), start: first.start, end: first.end, excerpt: text.slice(first.start, first.end),
      evidence: 'manual', score: null, origin: 'manual', status: s.status === 'proposed' ? 'accepted' : s.status, reviewer: s.reviewer || first.reviewer,
      memos: s.memos, inFootnote: false,
    });
  }
  // Documents come ordered by file; rank them once so the sort compares numbers, not strings.
  const rank = new Map(documents.map((d, i) => [d.id, i]));
  return out.sort((x, y) => rank.get(x.document.id)! - rank.get(y.document.id)! || x.start - y.start || x.end - y.end || (x.themeId < y.themeId ? -1 : x.themeId > y.themeId ? 1 : 0));
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

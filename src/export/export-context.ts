/**
 * What every export reads, gathered once per export and shared: documents, codes with their review
 * status, mentions, instruments, references and works, the decision log, the codebook's themes (with
 * colours and hierarchy) and the latest run. Each piece is computed on first use, so an export that
 * needs only documents never derives codes.
 * Options: `status` limits codes to that review status ('accepted', 'rejected', 'recoded', 'proposed',
 * or 'reviewed' for any decided one); `codebook` is the codebook the run used (the default codebook when
 * omitted and present; themes only seen in codes are added after its own).
 */
import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Db } from '../store/open-store.js';
import { createExportStore, type ExportDocument, type ExportRun, type ExportStore } from '../store/export-store.js';
import { createReviewStore, type DecisionRow } from '../store/review-store.js';
import { loadCodebook } from '../annotate/themes/load-codebook.js';
import { codebookPath } from '../annotate/themes/codebook-path.js';
import type { Codebook } from '../annotate/themes/codebook-schema.js';
import { agreementCsvRows } from '../review/agreement.js';
import { collectCodes, codeMatchesStatus, type ExportCode } from './collect-codes.js';
import { collectCitations, type ExportCitations } from './collect-citations.js';
import { collectInstruments, collectMentions, type ExportInstrumentRow, type ExportMention } from './collect-instruments.js';
import { themeColour } from './theme-colours.js';

export interface ExportOptions {
  readonly status?: string;
  readonly codebook?: Codebook | null;
}

export interface ExportTheme {
  readonly id: string;
  readonly name: string;
  readonly nameId: string | null;
  readonly description: string | null;
  readonly parent: string | null;
  readonly colour: string;
  /** False for a theme only seen in codes (not in the codebook). */
  readonly inCodebook: boolean;
}

export interface ExportContext {
  readonly db: Db;
  readonly store: ExportStore;
  readonly options: ExportOptions;
  readonly codebook: Codebook | null;
  documents(): readonly ExportDocument[];
  decisions(): readonly DecisionRow[];
  /** Every code, after `--status`. */
  codes(): readonly ExportCode[];
  /** The codes matrices, quotes and the report count: `codes()` without rejected ones. */
  countedCodes(): readonly ExportCode[];
  themes(): readonly ExportTheme[];
  mentions(): readonly ExportMention[];
  instruments(): readonly ExportInstrumentRow[];
  citations(): ExportCitations;
  sentenceCounts(): ReadonlyMap<number, number>;
  latestRun(): ExportRun | null;
  /** agreement.csv's rows (src/review/agreement.ts); empty when nobody decided. */
  agreement(): readonly Record<string, string | number>[];
}

const DEFAULT_CODEBOOK = 'codebooks/migration-law-v1.yaml';

// Parsing the codebook YAML costs more than some whole exports; it is read again only when the file changed.
let cachedCodebook: { file: string; stamp: string; codebook: Codebook | null } | null = null;

function defaultCodebook(): Codebook | null {
  const file = codebookPath(DEFAULT_CODEBOOK);
  if (!existsSync(file)) return null;
  const { mtimeMs, size } = statSync(file);
  const stamp = `${mtimeMs}|${size}`;
  if (cachedCodebook?.file === file && cachedCodebook.stamp === stamp) return cachedCodebook.codebook;
  let codebook: Codebook | null;
  try {
    codebook = loadCodebook(file);
  } catch {
    codebook = null;
  }
  cachedCodebook = { file, stamp, codebook };
  return codebook;
}

function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

export function createExportContext(db: Db, options: ExportOptions = {}): ExportContext {
  const store = createExportStore(db);
  const codebook = options.codebook === undefined ? defaultCodebook() : options.codebook;
  const documents = once(() => store.documents());
  const decisions = once(() => createReviewStore(db).decisions());
  const codebookNames = new Map((codebook?.themes ?? []).map((t) => [t.id, t.name.en]));
  const allCodes = once(() => collectCodes(store, documents(), decisions(), codebookNames));
  const codes = once(() => allCodes().filter((c) => codeMatchesStatus(c, options.status)));
  const themes = once((): ExportTheme[] => {
    const out: ExportTheme[] = (codebook?.themes ?? []).map((t, i) => ({
      id: t.id, name: t.name.en, nameId: t.name.id, description: t.description, parent: t.parent, colour: themeColour(t.id, i), inCodebook: true,
    }));
    const known = new Set(out.map((t) => t.id));
    for (const c of allCodes()) {
      if (known.has(c.themeId)) continue;
      known.add(c.themeId);
      out.push({ id: c.themeId, name: c.themeName, nameId: null, description: null, parent: null, colour: themeColour(c.themeId, null), inCodebook: false });
    }
    return out;
  });
  const mentions = once(() => collectMentions(store, documents()));
  const sentenceCounts = once(() => store.sentenceCounts());
  return {
    db, store, options, codebook,
    documents, decisions, codes,
    countedCodes: once(() => codes().filter((c) => c.status !== 'rejected')),
    themes, mentions,
    instruments: once(() => collectInstruments(store, mentions())),
    citations: once(() => collectCitations(store, documents())),
    sentenceCounts,
    latestRun: once(() => store.latestRun()),
    agreement: once(() => (decisions().length ? agreementCsvRows(db) : [])),
  };
}

/** A document's name for people: its title, else its file name. */
export function documentLabel(d: Pick<ExportDocument, 'title' | 'file'>): string {
  return d.title?.trim() || path.basename(d.file);
}

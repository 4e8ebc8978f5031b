/**
 * The learned field labeller's weights (pipelines/citations/reference-labeller.json, written by
 * scripts/train-reference-labeller.ts): per feature, sparse weights for each label; a first-order
 * transition matrix with a start row; `fields`, the fields whose held-out F1 beat the rules' when the
 * model was cross-validated, so only those are taken from it; and `minMargin`, how sure the labeller
 * must be to overrule the rules on one of them (chosen by the same cross-validation). Loaded once and compiled into dense
 * per-feature arrays for decoding. A missing file means no model: the rules answer alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LABELS, type Label } from './align-reference-fields.js';

/** The fields the labeller may supply (authors stay with the rules, which split names). */
export const LABELLED_FIELDS = ['year', 'title', 'container', 'volume', 'issue', 'pages', 'publisher', 'place'] as const;
export type LabelledField = (typeof LABELLED_FIELDS)[number];

/** The JSON file: `weights[feature]` is a flat list of label index, weight, label index, weight, … */
export interface ReferenceLabellerFile {
  readonly version: string;
  readonly labels: readonly Label[];
  readonly fields: readonly LabelledField[];
  /** The labeller overrules the rules on a field only when its margin there exceeds this (see label-reference.ts). */
  readonly minMargin: number;
  readonly transitions: readonly (readonly number[])[];
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly trainedOn?: string;
  readonly heldOutF1?: Readonly<Record<string, { rules: number; learned: number; combined: number }>>;
}

export interface ReferenceLabeller {
  readonly version: string;
  readonly labels: readonly Label[];
  readonly fields: readonly LabelledField[];
  readonly minMargin: number;
  /** (labels + 1) × labels; the last row scores the first token's label. */
  readonly transitions: readonly Float64Array[];
  /** Per feature, its nonzero weights as label index, weight pairs (most features weigh few labels). */
  readonly weights: ReadonlyMap<string, Float64Array>;
  readonly sparse: true;
}

export const defaultLabellerFile = new URL('../../../pipelines/citations/reference-labeller.json', import.meta.url);

let cached: ReferenceLabeller | null | undefined;

export function compileReferenceLabeller(file: ReferenceLabellerFile): ReferenceLabeller {
  const n = file.labels.length;
  if (file.labels.some((l, i) => l !== LABELS[i]) || n !== LABELS.length) throw new Error(`reference labeller: labels ${file.labels.join(',')} do not match this code's ${LABELS.join(',')}; retrain with scripts/train-reference-labeller.ts`);
  const weights = new Map<string, Float64Array>();
  for (const [feature, flat] of Object.entries(file.weights)) weights.set(feature, Float64Array.from(flat));
  return { version: file.version, labels: file.labels, fields: file.fields, minMargin: file.minMargin ?? 0, transitions: file.transitions.map((row) => Float64Array.from(row)), weights, sparse: true };
}

/** The shipped labeller (read once), or null when its file is absent. */
export function loadReferenceLabeller(file: string | URL = defaultLabellerFile): ReferenceLabeller | null {
  const isDefault = String(file) === String(defaultLabellerFile);
  if (isDefault && cached !== undefined) return cached;
  let model: ReferenceLabeller | null = null;
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    const compiled = compileReferenceLabeller(JSON.parse(text) as ReferenceLabellerFile);
    // The version names the weights themselves, so stored annotations trace to the exact model.
    model = { ...compiled, version: `${compiled.version}#${contentHash(text)}` };
  }
  if (isDefault) cached = model;
  return model;
}

/** FNV-1a of the text, as 8 hex digits. */
function contentHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

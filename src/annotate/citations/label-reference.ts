/**
 * One reference string → its fields as the learned labeller reads them: the string is tokenized, the
 * rule parse is aligned onto the tokens (its fields become features), the features are scored and the
 * best label sequence decoded (Viterbi); each field is then the longest run of tokens carrying its
 * label, sliced from the string and cleaned as the labels are. Per field it also gives the margin by
 * which the labeller prefers its reading to the best one agreeing with the rules there (what the
 * combination weighs). Authors, read from the author run by the rules' name splitter, are only
 * computed on request (evaluation): the shipped parser keeps the rules' list. Strings longer than
 * `MAX_LABELLED_LENGTH` are no single reference: the labeller declines (null) and the rules answer
 * alone, which keeps the work linear.
 */
import { alignReferenceFields, LABELS, type Label } from './align-reference-fields.js';
import { cleanFieldValue } from './clean-field-value.js';
import { agreeingPathScore, emissionScores, flatTransitions, viterbi, type LinearChainScores } from './decode-reference-labels.js';
import { formatAuthor, scanAuthors } from './parse-authors.js';
import type { ParsedReference } from './parse-reference-by-rules.js';
import type { LabelledField, ReferenceLabeller } from './reference-labeller-model.js';
import { referenceTokenFeatures, type TokenFeatures } from './reference-token-features.js';
import { tokenizeReference, type ReferenceToken } from './tokenize-reference.js';

export const MAX_LABELLED_LENGTH = 2000;

export interface LabellerInput {
  readonly tokens: readonly ReferenceToken[];
  readonly ruleLabels: readonly Label[];
  readonly features: readonly TokenFeatures[];
}

export type LabelledFields = { readonly [F in LabelledField]: string | null } & { readonly authors: readonly string[] };

/** Tokens, the rules' labels and the features of one reference (also what training reads). */
export function labellerInput(raw: string, rules: ParsedReference): LabellerInput {
  const tokens = tokenizeReference(raw);
  const ruleLabels = alignReferenceFields(tokens, { ...rules, pages: rules.pages ?? rules.pinpoint });
  return { tokens, ruleLabels, features: referenceTokenFeatures(tokens, ruleLabels) };
}

export interface LabelledReference {
  readonly input: LabellerInput;
  readonly labels: readonly Label[];
  readonly fields: LabelledFields;
  /**
   * Per field, how much the best label sequence outscores the best one that labels that field exactly
   * as the rules did (0 when they agree): the labeller's confidence in overruling the rules there.
   */
  readonly margins: Readonly<Partial<Record<LabelledField, number>>>;
}

export function labelReference(raw: string, model: ReferenceLabeller, rules: ParsedReference, fields: readonly LabelledField[] = model.fields, withAuthors = false): LabelledReference | null {
  if (raw.length > MAX_LABELLED_LENGTH) return null;
  const input = labellerInput(raw, rules);
  return decodeLabellerInput(raw, input, model, fields, withAuthors);
}

/** Decoding of prepared input (training and cross-validation reuse the input). */
export function decodeLabellerInput(raw: string, input: LabellerInput, model: LinearChainScores, fields: readonly LabelledField[], withAuthors = false): LabelledReference {
  const L = LABELS.length;
  const n = input.tokens.length;
  const emit = emissionScores(input.features, model, L);
  const trans = flatTransitions(model.transitions, L);
  const best = viterbi(emit, trans, L);
  const ruled = new Int8Array(n);
  for (let i = 0; i < n; i++) ruled[i] = LABEL_INDEX.get(input.ruleLabels[i])!;
  const margins: Partial<Record<LabelledField, number>> = {};
  const inField = new Uint8Array(n);
  for (const field of fields) {
    const own = LABEL_INDEX.get(FIELD_LABEL[field])!;
    let differs = false;
    for (let i = 0; i < n; i++) {
      inField[i] = ruled[i] === own ? 1 : 0;
      if ((best.labels[i] === own) !== (inField[i] === 1)) differs = true;
    }
    // Where they differ: how much better the free path is than the best one giving this field exactly the rules' tokens.
    margins[field] = differs ? best.score - agreeingPathScore(emit, trans, L, inField, own) : 0;
  }
  const labels = best.labels.map((y) => LABELS[y]);
  return { input, labels, fields: fieldsFromLabels(raw, input.tokens, labels, withAuthors), margins };
}

const LABEL_INDEX = new Map<Label, number>(LABELS.map((l, i) => [l, i]));

const FIELD_LABEL: Readonly<Record<LabelledField, Label>> = {
  year: 'year', title: 'title', container: 'container', volume: 'volume', issue: 'issue', pages: 'pages', publisher: 'publisher', place: 'place',
};

/**
 * A short run of words inside another field's run ("Policy law [notary and regulatory] issues") is
 * that field's, when its own label has a longer run elsewhere: a field is one stretch of the string.
 */
function smoothIslands(decoded: readonly Label[]): Label[] {
  const labels = [...decoded];
  const runs: { label: Label; start: number; end: number }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.label === labels[i]) last.end = i;
    else runs.push({ label: labels[i], start: i, end: i });
  }
  const longest = new Map<Label, number>();
  for (const r of runs) longest.set(r.label, Math.max(longest.get(r.label) ?? 0, r.end - r.start + 1));
  for (let k = 1; k + 1 < runs.length; k++) {
    const [before, island, after] = [runs[k - 1], runs[k], runs[k + 1]];
    const size = island.end - island.start + 1;
    if (before.label !== after.label || before.label === 'other' || island.label === 'other' || size > 4 || (longest.get(island.label) ?? 0) <= size) continue;
    for (let i = island.start; i <= island.end; i++) labels[i] = before.label;
  }
  return labels;
}

/**
 * Each field's longest run of tokens, as a cleaned slice of the string. A run goes on across
 * punctuation the labeller left outside it when the next word carries the run's label again
 * ("Ortega v. Lindell": the "." inside a case name is no field boundary).
 */
export function fieldsFromLabels(raw: string, tokens: readonly ReferenceToken[], decoded: readonly Label[], withAuthors = true): LabelledFields {
  const labels = smoothIslands(decoded);
  const best = new Map<Label, [number, number]>();
  const isWord = (i: number) => /[\p{L}\p{N}]/u.test(tokens[i].text);
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    for (;;) {
      if (j + 1 < tokens.length && labels[j + 1] === labels[i]) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < tokens.length && !isWord(k) && labels[k] !== labels[i]) k++;
      if (k > j + 1 && k < tokens.length && labels[k] === labels[i] && labels[i] !== 'other') {
        j = k;
        continue;
      }
      break;
    }
    const old = best.get(labels[i]);
    if (!old || j - i > old[1] - old[0]) best.set(labels[i], [i, j]);
    i = j + 1;
  }
  const text = (label: Label): string | null => {
    const run = best.get(label);
    if (!run) return null;
    // Container, publisher and place keep an abbreviation's full stop ("U.S.", "Soc.", "Inc."), as the labels do.
    const keepsStop = label === 'container' || label === 'publisher' || label === 'place';
    const end = keepsStop && tokens[run[1] + 1]?.text === '.' && !tokens[run[1] + 1].spaceBefore ? run[1] + 1 : run[1];
    return cleanFieldValue(raw.slice(tokens[run[0]].start, tokens[end].end));
  };
  const authorText = text('author');
  return {
    authors: authorText && withAuthors ? scanAuthors(` ${authorText}${authorText.endsWith(".") ? "" : "."} `).authors.map(formatAuthor) : [],
    year: /(?:1[5-9]\d\d|20[0-4]\d)/.exec(text('year') ?? '')?.[0] ?? null,
    title: text('title'),
    container: text('container'),
    volume: text('volume'),
    issue: text('issue'),
    pages: text('pages'),
    publisher: text('publisher'),
    place: text('place'),
  };
}

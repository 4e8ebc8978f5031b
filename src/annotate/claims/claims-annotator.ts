/**
 * The claims annotator: sentences that assert a state's relation to an instrument ("Indonesia telah
 * meratifikasi …", "belum meratifikasi", "bukan negara pihak", "has ratified", "is not a party to",
 * "… telah diratifikasi oleh Indonesia") become `claim` annotations, compared with the registry;
 * a contradiction is flagged in the data and reported as a warning. Runs after the instruments
 * annotator and reads its mentions from `doc.annotations` (mentions inside footnote references are
 * skipped). One claim per mention: the claim's span is the sentence segment holding state, cue and
 * mention, or else the sentence found from punctuation around the mention.
 *
 * Rule (active): state … cue … mention, in that order in one sentence, with no contrastive barrier
 * ("namun", "however") between the cue and the mention; the nearest cue before the mention applies,
 * so in "belum meratifikasi X serta Y" both X and Y are not ratified. Rule (passive): mention …
 * cue … state ("X diratifikasi oleh Indonesia").
 */
import type { Annotation, TelaahDocument } from '../../document.js';
import { pageAt } from '../../document.js';
import type { Report } from '../../message.js';
import { findSpanIndex, type Span } from '../../span.js';
import type { AnnotatorDefinition } from '../annotator.js';
import type { InstrumentMentionData } from '../instruments/instruments-annotator.js';
import { loadRegistry } from '../instruments/load-registry.js';
import type { AssertedStatus, IndonesiaStatus } from '../instruments/registry.js';
import { contradicts } from './compare-status.js';
import type { ClaimsOptions } from './options.js';
import { phraseFinder, type PhraseHit } from './phrase-finder.js';
import { sentenceBounds } from './sentence-bounds.js';

export type ClaimData = {
  readonly state: string;
  readonly instrumentId: string;
  readonly asserted: AssertedStatus;
  readonly registryStatus: IndonesiaStatus;
  readonly contradiction: boolean;
  readonly reason: string;
  /** The mention and the cue the claim rests on. */
  readonly mention: Span;
  readonly cue: string;
};

export const CLAIMS_VERSION = '1.0.0';

type Cue = { kind: 'cue'; asserted: AssertedStatus; passive: boolean } | { kind: 'state'; state: string } | { kind: 'barrier' };

const WORDS: Record<AssertedStatus, string> = {
  ratified: 'has ratified',
  'not-ratified': 'has not ratified',
  party: 'is a party to',
  'not-party': 'is not a party to',
  signatory: 'has signed',
};

export const claimsAnnotator: AnnotatorDefinition<ClaimsOptions & { registryDir: string }> = {
  id: 'claims',
  version: CLAIMS_VERSION,
  create(options) {
    const registry = loadRegistry(options.registryDir);
    const v = registry.claims;
    const phrases: [string, Cue][] = [];
    // Active and passive lists in the vocabulary's order; the finder prefers the longest phrase.
    for (const [passive, lists] of [[false, v.active], [true, v.passive]] as const) {
      for (const [asserted, list] of Object.entries(lists) as [AssertedStatus, string[]][]) {
        for (const p of list) phrases.push([p, { kind: 'cue', asserted, passive }]);
      }
    }
    for (const [state, names] of Object.entries(v.states)) for (const n of names) phrases.push([n, { kind: 'state', state }]);
    for (const b of v.barriers) phrases.push([b, { kind: 'barrier' }]);
    const find = phraseFinder(phrases);
    const abbreviations = new Set(v.abbreviations.map((a) => a.toLowerCase()));
    const reach = options.maxReach ?? 600;

    return (doc: TelaahDocument, report: Report): Annotation<ClaimData>[] => {
      if (options.enabled === false) return [];
      const text = doc.text;
      const mentions = doc.annotations.filter(
        (a): a is Annotation<InstrumentMentionData> => a.kind === 'instrument-mention' && !(a.data as InstrumentMentionData).inReference,
      );
      const out: Annotation<ClaimData>[] = [];
      const seen = new Set<string>();
      for (const m of mentions) {
        const window = sentenceBounds(text, m.start, reach, abbreviations);
        const hits = find(text, window.start, window.end);
        const claim = readClaim(hits, m);
        if (!claim) continue;
        const inst = registry.byId.get(m.data.instrumentId);
        const registryStatus: IndonesiaStatus = claim.state !== 'Indonesia' ? 'unknown' : inst ? inst.indonesia.status : 'not-applicable';
        const contradiction = contradicts(claim.asserted, registryStatus);
        const sentenceIndex = findSpanIndex(doc.segments.sentences, m.start);
        const sentence = sentenceIndex >= 0 ? doc.segments.sentences[sentenceIndex] : null;
        const span = sentence && sentence.start <= Math.min(claim.from, m.start) && sentence.end >= Math.max(claim.to, m.end) ? sentence : window;
        const key = `${span.start}:${claim.state}:${m.data.instrumentId}:${claim.asserted}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const name = inst ? inst.nameEn : m.data.instrumentName;
        const recorded = inst?.indonesia.by ? ` (${inst.indonesia.status}${inst.indonesia.year ? ` since ${inst.indonesia.year}` : ''}, by ${inst.indonesia.by})` : '';
        const reason = contradiction
          ? `the text says ${claim.state} ${WORDS[claim.asserted]} the ${name}, but the registry records ${registryStatus}${recorded} [${inst?.source ?? 'registry'}]`
          : `the text says ${claim.state} ${WORDS[claim.asserted]} the ${name}; registry: ${registryStatus}${recorded}`;
        const page = pageAt(doc, span.start);
        out.push({
          kind: 'claim',
          start: span.start,
          end: span.end,
          page,
          source: 'claims',
          version: CLAIMS_VERSION,
          rule: claim.passive ? 'passive' : 'active',
          inFootnote: span.start >= doc.notesStart,
          data: { state: claim.state, instrumentId: m.data.instrumentId, asserted: claim.asserted, registryStatus, contradiction, reason, mention: { start: m.start, end: m.end }, cue: text.slice(claim.cue.start, claim.cue.end).replace(/\s+/g, ' ') },
        });
        if (contradiction) report.warn('annotate', 'claims', 'contradiction', reason, { span: { start: span.start, end: span.end }, page });
      }
      return out;
    };
  },
};

interface ReadClaim {
  readonly state: string;
  readonly asserted: AssertedStatus;
  readonly passive: boolean;
  readonly cue: Span;
  /** Where the claim's evidence starts and ends (state, cue, mention). */
  readonly from: number;
  readonly to: number;
}

function readClaim(hits: readonly PhraseHit<Cue>[], m: Span): ReadClaim | null {
  // Active: the nearest cue before the mention, no barrier in between, a state before the cue.
  let cueAt = -1;
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (h.end > m.start) continue;
    if (h.value.kind === 'barrier') break;
    if (h.value.kind === 'cue' && !h.value.passive) {
      cueAt = i;
      break;
    }
  }
  if (cueAt >= 0) {
    const cue = hits[cueAt].value as Extract<Cue, { kind: 'cue' }>;
    for (let i = cueAt - 1; i >= 0; i--) {
      const h = hits[i].value;
      if (h.kind === 'barrier' || h.kind === 'cue') break;
      if (h.kind === 'state') return { state: h.state, asserted: cue.asserted, passive: false, cue: hits[cueAt], from: hits[i].start, to: m.end };
    }
  }
  // Passive: mention … cue … state.
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (h.start < m.end) continue;
    if (h.value.kind === 'barrier') return null;
    if (h.value.kind === 'cue') {
      if (!h.value.passive) return null;
      const next = hits[i + 1];
      if (next && next.value.kind === 'state') return { state: next.value.state, asserted: h.value.asserted, passive: true, cue: h, from: m.start, to: next.end };
      return null;
    }
  }
  return null;
}

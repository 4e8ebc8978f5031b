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
 *
 * The object of a claim is an international instrument, named or referred back to ("Konvensi
 * tersebut" → the convention named shortly before; see find-anaphora.ts). Domestic law is never the
 * object: a statute right after a means word ("melalui UU No. 6 Tahun 2012", "through Law No. 6 of
 * 2012") is the ratifying instrument of the claim before it (`ratifiedBy`, checked against the
 * registry's `indonesia.by`); a known ratifying statute standing alone as the object ("telah
 * mengesahkan UU No. 6 Tahun 2012") makes a claim about the treaty it ratified; any other statute
 * makes no claim.
 */
import type { Annotation, TelaahDocument } from '../../document.js';
import { pageAt } from '../../document.js';
import type { Report } from '../../message.js';
import { findSpanIndex, type Span } from '../../span.js';
import type { AnnotatorDefinition } from '../annotator.js';
import type { InstrumentMentionData } from '../instruments/instruments-annotator.js';
import { loadRegistry } from '../instruments/load-registry.js';
import type { AssertedStatus, IndonesiaStatus, Instrument } from '../instruments/registry.js';
import { contradicts } from './compare-status.js';
import type { ClaimsOptions } from './options.js';
import { anaphoraFinder } from './find-anaphora.js';
import { phraseFinder, type PhraseHit } from './phrase-finder.js';
import { sentenceBounds } from './sentence-bounds.js';

export type ClaimData = {
  readonly state: string;
  readonly instrumentId: string;
  readonly asserted: AssertedStatus;
  readonly registryStatus: IndonesiaStatus;
  /** The status contradicts the registry, or the ratifying instrument named differs from the registry's. */
  readonly contradiction: boolean;
  readonly reason: string;
  /** The mention (or anaphor, or ratifying statute) and the cue the claim rests on. */
  readonly mention: Span;
  readonly cue: string;
  /** The earlier mention an anaphor ("Konvensi tersebut") resolved to; null when the object is named. */
  readonly antecedent: Span | null;
  /** The instrument the text says the state ratified by ("melalui UU No. 6 Tahun 2012"), or null. */
  readonly ratifiedBy: string | null;
  /** Whether `ratifiedBy` agrees with the registry's ratifying instrument; null when either is unknown. */
  readonly ratifiedByMatches: boolean | null;
};

export const CLAIMS_VERSION = '1.1.0';

type Cue =
  | { kind: 'cue'; asserted: AssertedStatus; passive: boolean }
  | { kind: 'state'; state: string }
  | { kind: 'barrier' }
  | { kind: 'means' };

const WORDS: Record<AssertedStatus, string> = {
  ratified: 'has ratified',
  'not-ratified': 'has not ratified',
  party: 'is a party to',
  'not-party': 'is not a party to',
  signatory: 'has signed',
};

/** What a claim may be about: a mention, or an anaphor standing for its antecedent. */
interface ClaimObject extends Span {
  readonly instrumentId: string;
  readonly kind: string;
  readonly antecedent: Span | null;
}

interface Pending {
  readonly span: Span;
  readonly rule: string;
  readonly state: string;
  readonly instrumentId: string;
  readonly asserted: AssertedStatus;
  readonly mention: Span;
  readonly cue: string;
  readonly antecedent: Span | null;
  ratifiedBy: string | null;
}

export const claimsAnnotator: AnnotatorDefinition<ClaimsOptions & { registryDir: string }> = {
  id: 'claims',
  version: CLAIMS_VERSION,
  reads: ['instruments'],
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
    for (const w of v.means) phrases.push([w, { kind: 'means' }]);
    const find = phraseFinder(phrases);
    const abbreviations = new Set(v.abbreviations.map((a) => a.toLowerCase()));
    const reach = options.maxReach ?? 600;
    const findAnaphora = anaphoraFinder(v, registry, options.anaphoraReach ?? 600);
    const domestic = new Set<string>(v.domesticKinds);
    // The treaty each ratifying statute ratified, from the registry's `indonesia.by`.
    const ratifies = new Map<string, Instrument>();
    for (const inst of registry.instruments) if (inst.indonesia.by && !ratifies.has(inst.indonesia.by)) ratifies.set(inst.indonesia.by, inst);

    return (doc: TelaahDocument, report: Report): Annotation<ClaimData>[] => {
      if (options.enabled === false) return [];
      const text = doc.text;
      const all = doc.annotations.filter((a): a is Annotation<InstrumentMentionData> => a.kind === 'instrument-mention');
      const kindOf = (id: string, fallback: string) => registry.byId.get(id)?.kind ?? fallback;
      const objects: ClaimObject[] = all
        .filter((m) => !m.data.inReference)
        .map((m) => ({ start: m.start, end: m.end, instrumentId: m.data.instrumentId, kind: kindOf(m.data.instrumentId, m.data.instrumentKind), antecedent: null }));
      for (const a of findAnaphora(text, all, doc)) {
        const id = a.antecedent.data.instrumentId;
        objects.push({ start: a.start, end: a.end, instrumentId: id, kind: kindOf(id, a.antecedent.data.instrumentKind), antecedent: { start: a.antecedent.start, end: a.antecedent.end } });
      }
      objects.sort((a, b) => a.start - b.start);

      const pending: Pending[] = [];
      const byKey = new Map<string, Pending>();
      // Per sentence window, the claim of the latest object in it: a ratifying statute after a means word attaches there.
      const latest = new Map<number, { claim: Pending; end: number }>();
      for (const o of objects) {
        const window = sentenceBounds(text, o.start, reach, abbreviations);
        const hits = find(text, window.start, window.end);
        if (domestic.has(o.kind) && followsMeans(hits, o, text)) {
          const before = latest.get(window.start);
          if (before && before.end <= o.start) before.claim.ratifiedBy ??= o.instrumentId;
          continue;
        }
        const claim = readClaim(hits, o);
        if (!claim) continue;
        const sentenceIndex = findSpanIndex(doc.segments.sentences, o.start);
        const sentence = sentenceIndex >= 0 ? doc.segments.sentences[sentenceIndex] : null;
        const span = sentence && sentence.start <= Math.min(claim.from, o.start) && sentence.end >= Math.max(claim.to, o.end) ? sentence : window;
        let instrumentId = o.instrumentId;
        let ratifiedBy: string | null = null;
        if (domestic.has(o.kind)) {
          const treaty = ratifies.get(o.instrumentId);
          if (!treaty) continue;
          instrumentId = treaty.id;
          ratifiedBy = o.instrumentId;
        }
        const key = `${span.start}:${claim.state}:${instrumentId}:${claim.asserted}`;
        let record = byKey.get(key);
        if (!record) {
          record = {
            span: { start: span.start, end: span.end }, rule: claim.passive ? 'passive' : 'active', state: claim.state, instrumentId, asserted: claim.asserted,
            mention: { start: o.start, end: o.end }, cue: text.slice(claim.cue.start, claim.cue.end).replace(/\s+/g, ' '), antecedent: o.antecedent, ratifiedBy,
          };
          byKey.set(key, record);
          pending.push(record);
        } else record.ratifiedBy ??= ratifiedBy;
        latest.set(window.start, { claim: record, end: o.end });
      }

      return pending.map((c) => {
        const inst = registry.byId.get(c.instrumentId);
        const registryStatus: IndonesiaStatus = c.state !== 'Indonesia' ? 'unknown' : inst ? inst.indonesia.status : 'not-applicable';
        const recordedBy = c.state === 'Indonesia' ? inst?.indonesia.by ?? null : null;
        const ratifiedByMatches = c.ratifiedBy && recordedBy ? c.ratifiedBy === recordedBy : null;
        const statusContradicts = contradicts(c.asserted, registryStatus);
        const contradiction = statusContradicts || ratifiedByMatches === false;
        const name = inst ? inst.nameEn : c.instrumentId;
        const recorded = inst?.indonesia.by ? ` (${inst.indonesia.status}${inst.indonesia.year ? ` since ${inst.indonesia.year}` : ''}, by ${inst.indonesia.by})` : '';
        const by = c.ratifiedBy ? ` by ${c.ratifiedBy}` : '';
        const said = `the text says ${c.state} ${WORDS[c.asserted]} the ${name}${by}`;
        const reason = statusContradicts
          ? `${said}, but the registry records ${registryStatus}${recorded} [${inst?.source ?? 'registry'}]`
          : ratifiedByMatches === false
            ? `${said}, but the registry records the ratifying instrument as ${recordedBy} [${inst?.source ?? 'registry'}]`
            : `${said}; registry: ${registryStatus}${recorded}`;
        const page = pageAt(doc, c.span.start);
        if (contradiction) report.warn('annotate', 'claims', 'contradiction', reason, { span: c.span, page });
        return {
          kind: 'claim',
          start: c.span.start,
          end: c.span.end,
          page,
          source: 'claims',
          version: CLAIMS_VERSION,
          rule: c.rule,
          inFootnote: c.span.start >= doc.notesStart,
          data: {
            state: c.state, instrumentId: c.instrumentId, asserted: c.asserted, registryStatus, contradiction, reason,
            mention: c.mention, cue: c.cue, antecedent: c.antecedent, ratifiedBy: c.ratifiedBy, ratifiedByMatches,
          },
        };
      });
    };
  },
};

/** Whether a means word ("melalui", "through") stands right before the object, with only spaces between. */
function followsMeans(hits: readonly PhraseHit<Cue>[], o: Span, text: string): boolean {
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (h.end > o.start) continue;
    return h.value.kind === 'means' && text.slice(h.end, o.start).trim() === '';
  }
  return false;
}

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
  // Means words ("melalui") are neither: they neither carry nor stop a claim.
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

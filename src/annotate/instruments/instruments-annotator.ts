/**
 * The instruments annotator: every mention of a treaty, convention, covenant, protocol, declaration,
 * charter, soft-law instrument, constitution, statute or regulation, mapped to one canonical
 * instrument. `create` loads the registry once and compiles it into one trie; the returned function
 * tags one document: match → settle ambiguous short forms from context → attach the cited provision
 * → mark mentions inside footnote references. Returns `instrument-mention` annotations whose span is
 * the name only (`text.slice(start, end) === data.surface`).
 */
import type { Annotation, TelaahDocument } from '../../document.js';
import { pageAt } from '../../document.js';
import type { AnnotatorDefinition } from '../annotator.js';
import { blockBreaks } from './block-breaks.js';
import { compileMatcher } from './compile-matcher.js';
import { provisionFinder } from './find-provision.js';
import { statuteRow } from './instrument-rows.js';
import { loadRegistry } from './load-registry.js';
import { matchInstruments, type StatuteInfo } from './match-instruments.js';
import type { InstrumentsOptions } from './options.js';
import { referenceNotes } from './reference-notes.js';
import { resolveAmbiguous } from './resolve-ambiguous.js';
import { markBreaks, tokenize } from './tokenize.js';

export type MentionResolution = 'name' | 'alias' | 'abbreviation' | 'statute-citation' | 'context';

export type InstrumentMentionData = {
  readonly instrumentId: string;
  readonly instrumentName: string;
  readonly instrumentKind: string;
  readonly surface: string;
  readonly provision: string | null;
  readonly resolution: MentionResolution;
  readonly inReference: boolean;
  readonly statute?: StatuteInfo;
};

export type InstrumentMention = Annotation<InstrumentMentionData> & { readonly kind: 'instrument-mention' };

export const INSTRUMENTS_VERSION = '1.1.0';

export const instrumentsAnnotator: AnnotatorDefinition<InstrumentsOptions & { registryDir: string }> = {
  id: 'instruments',
  version: INSTRUMENTS_VERSION,
  reads: [],
  create(options) {
    const registry = loadRegistry(options.registryDir);
    const matcher = compileMatcher(registry);
    const findProvision = provisionFinder(registry.statutes);
    const window = options.contextWindow ?? 600;
    return (doc: TelaahDocument): InstrumentMention[] => {
      if (options.enabled === false) return [];
      const text = doc.text;
      // A mention never runs across a paragraph, from the body into the notes, or from one note into the next.
      const tokens = markBreaks(tokenize(text, registry.matching.folds), blockBreaks(doc));
      const matches = matchInstruments(text, matcher, tokens);
      const resolved = resolveAmbiguous(matches, text, registry, window);
      const inReference = referenceNotes(text, doc.footnotes, registry.references);
      const out: InstrumentMention[] = [];
      matches.forEach((m, i) => {
        const id = resolved[i];
        if (id === null) return;
        const inst = registry.byId.get(id);
        const statute = m.statute ?? (inst?.statute ? { ...inst.statute, title: null } : undefined);
        const row = inst ? null : statuteRow(id, m.statute!);
        const inFootnote = m.start >= doc.notesStart;
        out.push({
          kind: 'instrument-mention',
          start: m.start,
          end: m.end,
          page: pageAt(doc, m.start),
          source: 'instruments',
          version: INSTRUMENTS_VERSION,
          rule: m.ambiguous ? 'context' : m.resolution,
          inFootnote,
          data: {
            instrumentId: id,
            instrumentName: inst ? inst.nameEn : row!.name_en,
            instrumentKind: inst ? inst.kind : row!.kind,
            surface: text.slice(m.start, m.end),
            provision: findProvision(text, m),
            resolution: m.ambiguous ? 'context' : m.resolution,
            inReference: inFootnote && inReference(m.start),
            ...(statute ? { statute } : {}),
          },
        });
      });
      return out;
    };
  },
};

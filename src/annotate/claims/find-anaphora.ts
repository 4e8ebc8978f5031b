/**
 * Anaphora that may be the object of a claim: "Konvensi tersebut", "the Convention", "Protokol ini".
 * Takes the text, the instrument mentions (all of them, so an anaphor inside a name is skipped), the
 * registry's anaphora vocabulary and how far back an antecedent may stand; returns, per anaphor, its
 * span and the mention it refers back to: the nearest earlier mention (not inside a reference note)
 * of a kind the phrase may denote, in the same block (the body, or the same footnote), within reach.
 * An anaphor with no such antecedent is dropped. These are never instrument mentions (the gold
 * excludes them); they only tell the claim finder which instrument a sentence is about.
 */
import type { Annotation, Footnote } from '../../document.js';
import { findSpanIndex, type Span } from '../../span.js';
import type { InstrumentMentionData } from '../instruments/instruments-annotator.js';
import type { ClaimVocabulary, Registry } from '../instruments/registry.js';
import { phraseFinder } from './phrase-finder.js';

export interface Anaphor extends Span {
  readonly antecedent: Annotation<InstrumentMentionData>;
}

export type AnaphoraFinder = (
  text: string,
  mentions: readonly Annotation<InstrumentMentionData>[],
  blocks: { readonly notesStart: number; readonly footnotes: readonly Footnote[] },
) => Anaphor[];

export function anaphoraFinder(vocab: ClaimVocabulary, registry: Registry, reach: number): AnaphoraFinder {
  const find = phraseFinder(vocab.anaphora.flatMap((a) => a.phrases.map((p) => [p, new Set<string>(a.kinds)] as const)));
  const kindOf = (m: Annotation<InstrumentMentionData>) => registry.byId.get(m.data.instrumentId)?.kind ?? m.data.instrumentKind;
  return (text, mentions, blocks) => {
    const notes = [...blocks.footnotes].sort((a, b) => a.start - b.start);
    // The block an offset is in: -1 for the body, else the footnote's index (-2 between notes).
    const blockOf = (at: number) => (at < blocks.notesStart ? -1 : findSpanIndex(notes, at) >= 0 ? findSpanIndex(notes, at) : -2);
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    const out: Anaphor[] = [];
    let next = 0;
    let last: Annotation<InstrumentMentionData>[] = []; // mentions ending before the current hit, in order
    for (const hit of find(text, 0, text.length)) {
      while (next < sorted.length && sorted[next].start < hit.end) last.push(sorted[next++]);
      if (last.some((m) => m.end > hit.start)) continue; // part of a name the matcher found
      const block = blockOf(hit.start);
      for (let i = last.length - 1; i >= 0; i--) {
        const m = last[i];
        if (hit.start - m.end > reach || blockOf(m.start) !== block) break;
        if (m.data.inReference || !hit.value.has(kindOf(m))) continue;
        out.push({ start: hit.start, end: hit.end, antecedent: m });
        break;
      }
      if (last.length > 64) last = last.slice(-32); // only recent mentions can be within reach
    }
    return out;
  };
}

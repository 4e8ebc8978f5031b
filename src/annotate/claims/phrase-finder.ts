/**
 * Finds listed phrases (claim cues, state names) in a stretch of text, as whole-word token
 * sequences, case-insensitively, longest first and without overlaps. Takes the phrases, each with a
 * value; returns a function from (text, start, end) to the hits in order. Built on the matcher's
 * tokenizer, so line breaks and hyphenation between words do not matter.
 */
import { tokenize } from '../instruments/tokenize.js';

export interface PhraseHit<V> {
  readonly start: number;
  readonly end: number;
  readonly value: V;
}

interface Node<V> {
  readonly next: Map<string, Node<V>>;
  value?: V;
}

const NO_FOLDS: Record<string, string> = {};

export function phraseFinder<V>(phrases: readonly (readonly [string, V])[]): (text: string, from: number, to: number) => PhraseHit<V>[] {
  const root: Node<V> = { next: new Map() };
  for (const [phrase, value] of phrases) {
    let node = root;
    for (const k of tokenize(phrase, NO_FOLDS).key) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    node.value ??= value;
  }
  return (text, from, to) => {
    const slice = text.slice(from, to);
    const t = tokenize(slice, NO_FOLDS);
    const hits: PhraseHit<V>[] = [];
    let i = 0;
    while (i < t.count) {
      let node = root.next.get(t.key[i]);
      let j = i + 1;
      let best: { end: number; value: V } | null = null;
      while (node) {
        if (node.value !== undefined) best = { end: j, value: node.value };
        if (j >= t.count) break;
        node = node.next.get(t.key[j]);
        j++;
      }
      if (best) {
        hits.push({ start: from + t.start[i], end: from + t.end[best.end - 1], value: best.value });
        i = best.end;
      } else i++;
    }
    return hits;
  };
}

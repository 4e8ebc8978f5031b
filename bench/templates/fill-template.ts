/**
 * Fills one template: `{name}` becomes a random entry of the list `name` (itself filled, so entries
 * may hold slots), `{#a-b}` a random whole number from a to b, and a name present in `context` its
 * fixed value. Returns the filled text; throws on a slot no list or context knows, so a typo in a
 * template fails loudly at generation instead of printing "{instrumnet}" into ten thousand files.
 */
import type { Random } from './seeded-random.js';

export type Vocabulary = Readonly<Record<string, readonly string[]>>;

// No braces inside a slot, so one pass over the text is linear whatever the input.
const SLOT = /\{([^{}]*)\}/g;
const NUMBER = /^#(\d+)-(\d+)$/;
const MAX_DEPTH = 6;

export function fillTemplate(
  template: string,
  vocabulary: Vocabulary,
  random: Random,
  context: Readonly<Record<string, string>> = {},
  depth = 0,
): string {
  if (depth > MAX_DEPTH) throw new Error(`template slots nest deeper than ${MAX_DEPTH}: ${template}`);
  return template.replace(SLOT, (whole, name: string) => {
    const range = NUMBER.exec(name);
    if (range) return String(random.int(Number(range[1]), Number(range[2])));
    if (Object.hasOwn(context, name)) return context[name];
    const list = vocabulary[name];
    if (!list || list.length === 0) throw new Error(`template slot ${whole} has no list and no value: ${template}`);
    return fillTemplate(random.pick(list), vocabulary, random, context, depth + 1);
  });
}

/**
 * A seeded source of randomness for the corpus generator: mulberry32 (a 32-bit state, full period
 * 2^32, fast and good enough for choosing words) behind the few draws the generator needs. Takes a
 * 32-bit seed; the same seed gives the same sequence on every machine and Node version, because it
 * uses only 32-bit integer arithmetic (Math.imul) and never Math.random or the clock.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` distinct items in random order (all of them when n ≥ items.length). */
  sample<T>(items: readonly T[], n: number): T[];
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('seededRandom.pick: nothing to pick from');
      return items[Math.floor(next() * items.length)];
    },
    chance: (p) => next() < p,
    sample: (items, n) => {
      const copy = [...items];
      // Partial Fisher–Yates: only the first n places are shuffled.
      const k = Math.min(n, copy.length);
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, k);
    },
  };
}

/**
 * The seed of document `index` in the corpus of seed `seed`: a hash of both, so each document is
 * generated on its own (document 42 is the same in a corpus of 100 and of 10,000) and neighbouring
 * seeds do not give neighbouring documents.
 */
export function documentSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ index, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f) ^ Math.imul(index + 1, 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}

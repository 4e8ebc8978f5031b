/**
 * Viterbi decoding of one token sequence under a first-order model: each token's label scores are the
 * sum of its features' weights; a transition score is added between neighbours (and a start score for
 * the first token). `decodeReferenceLabels` returns the best label index per token; `viterbi` also
 * takes a mask of the labels each token may take and returns the best path's score, and
 * `agreeingPathScore` gives the best score of the paths that label one field exactly as given, so the
 * caller can ask how much better the free path is than one that agrees with the rules. O(tokens × labels²).
 */
export interface LinearChainScores {
  /** Dense (one weight per label) or, when `sparse`, flat label index, weight pairs. */
  readonly weights: ReadonlyMap<string, ArrayLike<number>>;
  readonly sparse?: boolean;
  /** (labels + 1) × labels; the last row is the start. */
  readonly transitions: readonly ArrayLike<number>[];
}

let nextGroupId = 0;

/**
 * A group of features shared by many tokens (one object for every token with the same word, word
 * pair, neighbour, place or rules' context), numbered once, so a decoder sums a group's weights once
 * per model and finds the sum again by number (see emissionScores).
 */
export class FeatureGroup {
  readonly id = nextGroupId++;
  constructor(readonly features: readonly string[]) {}
}

/**
 * Per model, where each group's summed weights sit: slot[id] is 0 when not yet summed, -1 when the
 * group weighs nothing (most word pairs: the model kept no weight for them), else 1 + its row in
 * `sums`. Numbers and rows are contiguous, so decoding reads two small arrays, not an object per group.
 */
interface GroupSums {
  slot: Int32Array;
  sums: Float64Array;
  rows: number;
}

const sumsByModel = new WeakMap<LinearChainScores, GroupSums>();

/**
 * Token × label scores (row-major, `labelCount` per token) from each token's feature groups, each
 * group's summed weights cached for this model (see GroupSums). A model whose weights change
 * (training) must use `flatEmissionScores`, which caches nothing.
 */
export function emissionScores(features: readonly (readonly FeatureGroup[])[], model: LinearChainScores, labelCount: number): Float64Array {
  const L = labelCount;
  const emit = new Float64Array(features.length * L);
  let cache = sumsByModel.get(model);
  if (!cache) {
    cache = { slot: new Int32Array(1024), sums: new Float64Array(256 * L), rows: 0 };
    sumsByModel.set(model, cache);
  }
  const scratch = new Float64Array(L);
  for (let i = 0; i < features.length; i++) {
    const groups = features[i];
    const row = i * L;
    for (let g = 0; g < groups.length; g++) {
      const id = groups[g].id;
      if (id >= cache.slot.length) {
        const grown = new Int32Array(Math.max(cache.slot.length * 2, id + 1));
        grown.set(cache.slot);
        cache.slot = grown;
      }
      let at = cache.slot[id];
      if (at === 0) {
        scratch.fill(0);
        addScores(scratch, 0, groups[g].features, model, L);
        if (scratch.every((x) => x === 0)) at = -1;
        else {
          if ((cache.rows + 1) * L > cache.sums.length) {
            const grown = new Float64Array(cache.sums.length * 2);
            grown.set(cache.sums);
            cache.sums = grown;
          }
          cache.sums.set(scratch, cache.rows * L);
          at = ++cache.rows;
        }
        cache.slot[id] = at;
      }
      if (at < 0) continue;
      const sums = cache.sums;
      const from = (at - 1) * L;
      for (let y = 0; y < L; y++) emit[row + y] += sums[from + y];
    }
  }
  return emit;
}

/** Token × label scores from one flat feature list per token, nothing cached (training). */
export function flatEmissionScores(features: readonly (readonly string[])[], model: LinearChainScores, labelCount: number): Float64Array {
  const emit = new Float64Array(features.length * labelCount);
  for (let i = 0; i < features.length; i++) addScores(emit, i * labelCount, features[i], model, labelCount);
  return emit;
}

function addScores(into: Float64Array, at: number, features: readonly string[], model: LinearChainScores, L: number): void {
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    if (model.sparse) for (let k = 0; k + 1 < w.length; k += 2) into[at + w[k]] += w[k + 1];
    else for (let y = 0; y < L; y++) into[at + y] += w[y];
  }
}

/** Transitions as one flat row-major array ((labels + 1) × labels, the start row last). */
export function flatTransitions(transitions: readonly ArrayLike<number>[], labelCount: number): Float64Array {
  const L = labelCount;
  const trans = new Float64Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) trans[p * L + y] = transitions[p][y];
  return trans;
}

export function viterbi(
  emit: Float64Array,
  /** Rows per previous label (the start row last), or those rows already flattened (flatTransitions). */
  transitions: readonly ArrayLike<number>[] | Float64Array,
  labelCount: number,
  /** When given, token i may take label y only where allowed[i × labels + y] is 1. */
  allowed?: Uint8Array,
): { labels: number[]; score: number } {
  const L = labelCount;
  const n = emit.length / L;
  if (!n) return { labels: [], score: 0 };
  const trans = transitions instanceof Float64Array ? transitions : flatTransitions(transitions, L);
  const score = new Float64Array(n * L).fill(-Infinity);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) if (!allowed || allowed[y]) score[y] = trans[L * L + y] + emit[y];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    for (let y = 0; y < L; y++) {
      if (allowed && !allowed[i * L + y]) continue;
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = score[prev + p] + trans[p * L + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + y] = best + emit[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k] > score[(n - 1) * L + y]) y = k;
  const total = score[(n - 1) * L + y];
  const labels = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = y;
    y = back[i * L + y];
  }
  return { labels, score: total };
}

let rowA = new Float64Array(16);
let rowB = new Float64Array(16);

/**
 * The score of the best path that gives label `own` to exactly the tokens marked in `inField` (the
 * constrained Viterbi, score only): what `viterbi` returns under the mask "own where marked, any
 * other label elsewhere", without building the mask or back-pointers. A marked token costs L steps,
 * an unmarked one L², and two score rows are reused across calls.
 */
export function agreeingPathScore(emit: Float64Array, trans: Float64Array, labelCount: number, inField: Uint8Array, own: number): number {
  const L = labelCount;
  const n = inField.length;
  if (!n) return 0;
  if (rowA.length < L) {
    rowA = new Float64Array(L);
    rowB = new Float64Array(L);
  }
  let prev = rowA;
  let cur = rowB;
  for (let y = 0; y < L; y++) prev[y] = (y === own) === (inField[0] === 1) ? trans[L * L + y] + emit[y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const at = i * L;
    if (inField[i]) {
      cur.fill(-Infinity, 0, L);
      let best = -Infinity;
      for (let p = 0; p < L; p++) {
        const s = prev[p] + trans[p * L + own];
        if (s > best) best = s;
      }
      cur[own] = best + emit[at + own];
    } else {
      for (let y = 0; y < L; y++) {
        if (y === own) {
          cur[y] = -Infinity;
          continue;
        }
        let best = -Infinity;
        for (let p = 0; p < L; p++) {
          const s = prev[p] + trans[p * L + y];
          if (s > best) best = s;
        }
        cur[y] = best + emit[at + y];
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = -Infinity;
  for (let y = 0; y < L; y++) if (prev[y] > best) best = prev[y];
  return best;
}

/** Best labels for tokens given as flat feature lists (one group each: nothing cached). */
export function decodeReferenceLabels(features: readonly (readonly string[])[], model: LinearChainScores, labelCount: number): number[] {
  return viterbi(flatEmissionScores(features, model, labelCount), model.transitions, labelCount).labels;
}

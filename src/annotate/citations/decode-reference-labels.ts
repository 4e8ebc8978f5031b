/**
 * Viterbi decoding of one token sequence under a first-order model: each token's label scores are the
 * sum of its features' weights; a transition score is added between neighbours (and a start score for
 * the first token). `decodeReferenceLabels` returns the best label index per token; `viterbi` also
 * takes a mask of the labels each token may take and returns the best path's score, so the caller
 * can ask how much better the free path is than one that agrees with the rules. O(tokens × labels²).
 */
export interface LinearChainScores {
  /** Dense (one weight per label) or, when `sparse`, flat label index, weight pairs. */
  readonly weights: ReadonlyMap<string, ArrayLike<number>>;
  readonly sparse?: boolean;
  /** (labels + 1) × labels; the last row is the start. */
  readonly transitions: readonly ArrayLike<number>[];
}

/**
 * Token × label scores (row-major, `labelCount` per token). Each token's features come in groups; all
 * groups but the last are shared arrays whose summed weights are cached per model, by identity (a
 * word's features are summed once, not once per occurrence). A model whose weights change (training)
 * must pass each token's features as one group.
 */
export function emissionScores(features: readonly (readonly (readonly string[])[])[], model: LinearChainScores, labelCount: number): Float64Array {
  const L = labelCount;
  const emit = new Float64Array(features.length * L);
  let cache = groupScores.get(model);
  if (!cache) {
    cache = new WeakMap();
    groupScores.set(model, cache);
  }
  for (let i = 0; i < features.length; i++) {
    const groups = features[i];
    const row = i * L;
    for (let g = 0; g < groups.length; g++) {
      if (g === groups.length - 1) {
        addScores(emit, row, groups[g], model, L);
        continue;
      }
      let sum = cache.get(groups[g]);
      if (!sum) {
        sum = new Float64Array(L);
        addScores(sum, 0, groups[g], model, L);
        cache.set(groups[g], sum);
      }
      for (let y = 0; y < L; y++) emit[row + y] += sum[y];
    }
  }
  return emit;
}

const groupScores = new WeakMap<LinearChainScores, WeakMap<readonly string[], Float64Array>>();

function addScores(into: Float64Array, at: number, features: readonly string[], model: LinearChainScores, L: number): void {
  for (const f of features) {
    const w = model.weights.get(f);
    if (!w) continue;
    if (model.sparse) for (let k = 0; k + 1 < w.length; k += 2) into[at + w[k]] += w[k + 1];
    else for (let y = 0; y < L; y++) into[at + y] += w[y];
  }
}

export function viterbi(
  emit: Float64Array,
  transitions: readonly ArrayLike<number>[],
  labelCount: number,
  /** When given, token i may take label y only where allowed[i × labels + y] is 1. */
  allowed?: Uint8Array,
): { labels: number[]; score: number } {
  const L = labelCount;
  const n = emit.length / L;
  if (!n) return { labels: [], score: 0 };
  const trans = new Float64Array((L + 1) * L);
  for (let p = 0; p <= L; p++) for (let y = 0; y < L; y++) trans[p * L + y] = transitions[p][y];
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

/** Best labels for tokens given as flat feature lists (one group each: nothing cached). */
export function decodeReferenceLabels(features: readonly (readonly string[])[], model: LinearChainScores, labelCount: number): number[] {
  return viterbi(emissionScores(features.map((f) => [f]), model, labelCount), model.transitions, labelCount).labels;
}

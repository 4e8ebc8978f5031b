/**
 * Offset maps record every cleanup edit (header removal, de-hyphenation, marker removal, footnote
 * separation) so any span of the normalized text maps back to the source text it came from.
 * The normalized text is built as a sequence of runs; each run is either copied verbatim from the
 * source or replaces a source range with other text (possibly empty source: an insertion).
 * Boundaries map outward-safe: a span's start maps to the right (the first source unit it covers),
 * its end maps to the left (just after the last source unit it covers).
 */

/** Parallel arrays, compact enough to store per document as JSON. */
export interface OffsetMapData {
  /** Start of each run in the normalized text (ascending). */
  readonly norm: number[];
  /** Start of each run in the source text. */
  readonly src: number[];
  /** Length of each run in the normalized text. */
  readonly normLength: number[];
  /** Length of the source range each run stands for (equal to normLength for copied runs). */
  readonly srcLength: number[];
}

export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly map: OffsetMapData = { norm: [], src: [], normLength: [], srcLength: [] };

  get offset(): number {
    return this.length;
  }

  /** The last character appended so far ('' when empty). */
  lastChar(): string {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i];
      if (p.length) return p[p.length - 1];
    }
    return '';
  }

  /** Appends `text`, which is the source range starting at `sourceStart`, verbatim. */
  copy(text: string, sourceStart: number): this {
    return this.push(text, sourceStart, text.length);
  }

  /** Appends `text` standing for the source range `[sourceStart, sourceStart + sourceLength)`. */
  replace(text: string, sourceStart: number, sourceLength: number): this {
    return this.push(text, sourceStart, sourceLength);
  }

  /** Appends text with no source of its own (a separator), anchored at `sourceAt`. */
  insert(text: string, sourceAt: number): this {
    return this.push(text, sourceAt, 0);
  }

  private push(text: string, sourceStart: number, sourceLength: number): this {
    if (!text.length && !sourceLength) return this;
    const m = this.map;
    const last = m.norm.length - 1;
    // Merge adjacent verbatim copies so the map stays small.
    if (
      last >= 0 &&
      text.length === sourceLength &&
      m.normLength[last] === m.srcLength[last] &&
      m.src[last] + m.srcLength[last] === sourceStart &&
      m.norm[last] + m.normLength[last] === this.length
    ) {
      m.normLength[last] += text.length;
      m.srcLength[last] += sourceLength;
    } else {
      m.norm.push(this.length);
      m.src.push(sourceStart);
      m.normLength.push(text.length);
      m.srcLength.push(sourceLength);
    }
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  build(): { text: string; map: OffsetMapData } {
    return { text: this.parts.join(''), map: this.map };
  }
}

function runAt(map: OffsetMapData, offset: number): number {
  let lo = 0;
  let hi = map.norm.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.norm[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Source offset of a normalized offset used as a span start (maps right). */
export function toSourceStart(map: OffsetMapData, offset: number): number {
  const i = runAt(map, offset);
  if (i < 0) return map.src.length ? map.src[0] : offset;
  const within = offset - map.norm[i];
  if (map.normLength[i] === map.srcLength[i]) return map.src[i] + Math.min(within, map.srcLength[i]);
  return within === 0 ? map.src[i] : map.src[i] + map.srcLength[i];
}

/** Source offset of a normalized offset used as a span end (maps left). */
export function toSourceEnd(map: OffsetMapData, offset: number): number {
  const i = runAt(map, offset - 1);
  if (i < 0) return map.src.length ? map.src[0] : offset;
  const within = offset - map.norm[i];
  if (map.normLength[i] === map.srcLength[i]) return map.src[i] + Math.min(within, map.srcLength[i]);
  return within >= map.normLength[i] ? map.src[i] + map.srcLength[i] : map.src[i];
}

/**
 * Normalized offset of a source offset: inside the run that covers it, or else the start of the run
 * whose source starts nearest after it. Runs are not sorted by source (footnotes move to the end), so
 * this scans; it serves evaluation and review, not the hot path.
 */
export function fromSource(map: OffsetMapData, sourceOffset: number): number {
  let best = -1;
  for (let i = 0; i < map.src.length; i++) {
    const s = map.src[i];
    if (sourceOffset >= s && sourceOffset < s + map.srcLength[i]) {
      if (map.normLength[i] === map.srcLength[i]) return map.norm[i] + (sourceOffset - s);
      return map.norm[i];
    }
    if (s >= sourceOffset && (best < 0 || s < map.src[best])) best = i;
  }
  if (best >= 0) return map.norm[best];
  const last = map.norm.length - 1;
  return last < 0 ? sourceOffset : map.norm[last] + map.normLength[last];
}

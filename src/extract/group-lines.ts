/**
 * Groups one page's positioned text runs (pdfjs text items) into lines with geometry.
 *
 * Takes the items of one page in any order; returns lines ordered top to bottom (then left to right),
 * each with its items left to right. Guarantees:
 * - items on one baseline (within a tolerance relative to font size) share a line, unless a large
 *   horizontal gap separates them: two columns side by side are never merged into one line;
 * - a raised (superscript) or lowered (subscript) run that sits inside a line's vertical extent and
 *   touches it horizontally joins that line, so footnote markers stay with the text they mark;
 * - `line.text === line.items.map((i) => i.text).join('')`: the space separating two items is kept at
 *   the end of the item before it, so item offsets inside a line can be recovered by summing lengths;
 * - whitespace-only and empty items never become items; they only tell where a space belongs.
 * Rotated text (e.g. a landscape printout, a vertical margin stamp) is grouped in its own reading frame;
 * groups are emitted by size, the direction with most text first.
 * Cost: a sort per page and linear sweeps, no regular expressions per item.
 */
import type { TextItem } from '../document.js';

/** The fields of a pdfjs TextItem this module reads (kept structural so tests can build items). */
export interface PositionedText {
  readonly str: string;
  /** [a, b, c, d, e, f]: text matrix × viewport; e/f are the baseline origin in PDF points. */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly fontName: string;
}

export interface LineDraft {
  readonly text: string;
  /** Baseline origin of the line's first item, in PDF points (origin bottom-left). */
  readonly x: number;
  readonly y: number;
  /** Extent along the text direction, first item start to last item end. */
  readonly width: number;
  /** Font size covering most characters of the line. */
  readonly fontSize: number;
  readonly items: readonly TextItem[];
}

export interface GroupingTuning {
  /** Baselines closer than this share of the smaller font size are one baseline. */
  readonly baselineTolerance: number;
  /** A gap wider than this share of the font size gets a space even without a blank item. */
  readonly spaceGap: number;
  /** A gap wider than this share of the font size splits the baseline into separate lines. */
  readonly columnGap: number;
  /** Highest rise (share of the line's font size) at which a smaller run still belongs to the line. */
  readonly superscriptRise: number;
  /** Lowest drop (share of the line's font size) at which a smaller run still belongs to the line. */
  readonly subscriptDrop: number;
}

/**
 * Why these values: word spaces are ~0.25 em and kerning stays under 0.1 em; fully justified lines in
 * the corpus reach word gaps of ~0.9 em after pdfjs drops its own space items, while column gutters are
 * 1.5 em and more. Superscript markers are raised 0.3-0.45 em and set at 55-70 % of the body size.
 */
export const defaultGrouping: GroupingTuning = {
  baselineTolerance: 0.2,
  spaceGap: 0.18,
  columnGap: 1.4,
  superscriptRise: 0.6,
  subscriptDrop: 0.3,
};

interface Run {
  readonly item: PositionedText;
  readonly text: string;
  /** Position along the text direction (u) and across it, upwards (v). */
  readonly u: number;
  readonly v: number;
  readonly end: number;
  readonly fontSize: number;
  readonly blank: boolean;
  readonly leadingSpace: boolean;
  readonly trailingSpace: boolean;
}

interface Segment {
  runs: Run[];
  uMin: number;
  uMax: number;
  v: number;
  fontSize: number;
  chars: number;
  cluster: number;
  merged: boolean;
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;

function trimSpaces(s: string): [start: number, end: number] {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Direction of the text run in whole degrees (0 for ordinary horizontal text). */
function angleOf(t: readonly number[]): number {
  if (Math.abs(t[1]) < 1e-6 * Math.abs(t[0]) || (t[1] === 0 && t[0] !== 0)) return t[0] >= 0 ? 0 : 180;
  return Math.round((Math.atan2(t[1], t[0]) * 180) / Math.PI);
}

function toRun(item: PositionedText, cos: number, sin: number): Run | null {
  const str = item.str;
  if (!str) return null;
  const t = item.transform;
  const fontSize = Math.hypot(t[2], t[3]) || Math.abs(item.height) || 1;
  const [a, b] = trimSpaces(str);
  const u = t[4] * cos + t[5] * sin;
  const v = -t[4] * sin + t[5] * cos;
  return {
    item,
    text: a === 0 && b === str.length ? str : str.slice(a, b),
    u,
    v,
    end: u + item.width,
    fontSize,
    blank: a === b,
    leadingSpace: a > 0,
    trailingSpace: b < str.length,
  };
}

function dominantSize(runs: readonly Run[]): { fontSize: number; v: number; chars: number } {
  let best: Run | null = null;
  let chars = 0;
  const weight = new Map<number, number>();
  for (const r of runs) {
    chars += r.text.length;
    const key = Math.round(r.fontSize * 10);
    const w = (weight.get(key) ?? 0) + r.text.length;
    weight.set(key, w);
    if (!best || w > (weight.get(Math.round(best.fontSize * 10)) ?? 0)) best = r;
  }
  return { fontSize: best ? best.fontSize : 0, v: best ? best.v : 0, chars };
}

function makeSegment(runs: Run[], cluster: number): Segment {
  const { fontSize, v, chars } = dominantSize(runs);
  let uMin = Infinity;
  let uMax = -Infinity;
  for (const r of runs) {
    if (r.blank) continue;
    if (r.u < uMin) uMin = r.u;
    if (r.end > uMax) uMax = r.end;
  }
  return { runs, uMin, uMax, v, fontSize, chars, cluster, merged: false };
}

/** Splits one baseline's runs (sorted along the line) at column-sized gaps; drops blanks and doubles. */
function splitBaseline(runs: readonly Run[], cluster: number, tuning: GroupingTuning, out: Segment[]): void {
  let current: Run[] = [];
  let reach = -Infinity;
  for (const r of runs) {
    if (r.blank) {
      current.push(r);
      continue;
    }
    const prev = lastText(current);
    if (prev) {
      const size = Math.max(prev.fontSize, r.fontSize);
      // Fake bold: the same text drawn twice a fraction of a point apart.
      if (r.text === prev.text && Math.abs(r.u - prev.u) < 0.3 * size && Math.abs(r.v - prev.v) < 0.3 * size) continue;
      if (r.u - reach > tuning.columnGap * size) {
        out.push(makeSegment(current, cluster));
        current = [];
        reach = -Infinity;
      }
    }
    current.push(r);
    if (r.end > reach) reach = r.end;
  }
  if (lastText(current)) out.push(makeSegment(current, cluster));
}

function lastText(runs: readonly Run[]): Run | null {
  for (let i = runs.length - 1; i >= 0; i--) if (!runs[i].blank) return runs[i];
  return null;
}

/** Finds the line a smaller raised/lowered fragment belongs to, scanning nearby baselines only. */
function attachFragments(segments: Segment[], tuning: GroupingTuning): void {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.merged) continue;
    let best: Segment | null = null;
    let bestDistance = Infinity;
    for (const dir of [1, -1]) {
      for (let j = i + dir; j >= 0 && j < segments.length; j += dir) {
        const t = segments[j];
        const dv = s.v - t.v; // > 0: s is raised above t's baseline
        if (Math.abs(dv) > tuning.superscriptRise * Math.max(t.fontSize, s.fontSize) + 1) break;
        if (t.merged || t === s || t.cluster === s.cluster) continue;
        const smaller = s.fontSize < 0.9 * t.fontSize;
        const jitter = Math.abs(dv) <= tuning.baselineTolerance * 1.75 * t.fontSize && s.chars <= t.chars;
        const raised = dv > 0 && dv <= tuning.superscriptRise * t.fontSize;
        const lowered = dv < 0 && -dv <= tuning.subscriptDrop * t.fontSize;
        if (!jitter && !(smaller && (raised || lowered))) continue;
        const reach = t.fontSize;
        if (s.uMin > t.uMax + reach || s.uMax < t.uMin - reach) continue;
        const distance = Math.abs(dv);
        if (distance < bestDistance) {
          best = t;
          bestDistance = distance;
        }
      }
    }
    if (best) {
      best.runs = best.runs.concat(s.runs).sort((a, b) => a.u - b.u);
      best.uMin = Math.min(best.uMin, s.uMin);
      best.uMax = Math.max(best.uMax, s.uMax);
      best.chars += s.chars;
      s.merged = true;
    }
  }
}

/**
 * Letter-spaced display type ("p r o t o c o l", "s tat u s"): pdfjs puts a space between tracked
 * letters. Returns the run's text without those spaces when it is made of letter chunks of at most
 * three letters, most of them single, else null.
 */
function collapseTracking(text: string): string | null {
  let chunks = 0;
  let singles = 0;
  let chunkLength = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (chunkLength === 0) return null; // double space: a real word gap
      chunks++;
      if (chunkLength === 1) singles++;
      chunkLength = 0;
    } else if (text[i].toLowerCase() !== text[i].toUpperCase() && ++chunkLength <= 3) continue;
    else return null;
  }
  return chunks >= 2 && singles / chunks >= 0.6 ? text.replaceAll(' ', '') : null;
}

/** A line is letter-spaced when every run with inner spaces is tracked and one spells 4+ letters. */
function untrack(runs: readonly Run[]): Map<Run, string> | null {
  const collapsed = new Map<Run, string>();
  let strong = false;
  for (const r of runs) {
    if (r.blank || !r.text.includes(' ')) continue;
    const c = collapseTracking(r.text);
    if (c === null) return null;
    collapsed.set(r, c);
    if (c.length >= 4) strong = true;
  }
  return strong ? collapsed : null;
}

function toLine(seg: Segment, tuning: GroupingTuning): LineDraft {
  const tracked = untrack(seg.runs);
  const items: TextItem[] = [];
  const texts: string[] = [];
  let pendingSpace = false;
  let reach = -Infinity;
  let prev: Run | null = null;
  let first: Run | null = null;
  for (const r of seg.runs) {
    if (r.blank) {
      if (prev) pendingSpace = true;
      continue;
    }
    if (prev) {
      const gap = r.u - reach;
      const size = Math.min(prev.fontSize, r.fontSize);
      const space = pendingSpace || prev.trailingSpace || r.leadingSpace || gap > tuning.spaceGap * size;
      if (space) texts[texts.length - 1] += ' ';
    }
    texts.push(tracked?.get(r) ?? r.text);
    first ??= r;
    prev = r;
    pendingSpace = false;
    if (r.end > reach) reach = r.end;
  }
  const texted = seg.runs.filter((r) => !r.blank);
  for (let k = 0; k < texted.length; k++) {
    const r = texted[k];
    const t = r.item.transform;
    items.push({
      text: texts[k],
      x: t[4],
      y: t[5],
      width: r.item.width,
      height: r.item.height,
      fontSize: r.fontSize,
      fontName: r.item.fontName,
    });
  }
  const start = first ?? texted[0];
  return {
    text: texts.join(''),
    x: start.item.transform[4],
    y: start.item.transform[5],
    width: Math.max(0, seg.uMax - seg.uMin),
    fontSize: seg.fontSize,
    items,
  };
}

function groupDirection(runs: Run[], tuning: GroupingTuning): LineDraft[] {
  // Top to bottom, then along the line.
  runs.sort((a, b) => b.v - a.v || a.u - b.u);
  const segments: Segment[] = [];
  let cluster: Run[] = [];
  let clusterV = 0;
  let clusterSize = 0;
  let index = 0;
  const flush = (): void => {
    if (!cluster.length) return;
    cluster.sort((a, b) => a.u - b.u);
    splitBaseline(cluster, index++, tuning, segments);
    cluster = [];
  };
  for (const r of runs) {
    if (cluster.length && clusterV - r.v > Math.max(0.5, tuning.baselineTolerance * Math.min(clusterSize, r.fontSize))) flush();
    if (!cluster.length) {
      clusterV = r.v;
      clusterSize = r.fontSize;
    } else if (!r.blank && r.fontSize > clusterSize) clusterSize = r.fontSize;
    cluster.push(r);
  }
  flush();
  attachFragments(segments, tuning);
  return segments.filter((s) => !s.merged).map((s) => toLine(s, tuning));
}

export function groupLines(items: readonly PositionedText[], tuning: GroupingTuning = defaultGrouping): LineDraft[] {
  const byAngle = new Map<number, Run[]>();
  const textChars = new Map<number, number>();
  for (const item of items) {
    if (!item.str || !item.transform) continue;
    const angle = angleOf(item.transform);
    const rad = (angle * Math.PI) / 180;
    const run = toRun(item, angle === 0 ? 1 : Math.cos(rad), angle === 0 ? 0 : Math.sin(rad));
    if (!run) continue;
    let list = byAngle.get(angle);
    if (!list) byAngle.set(angle, (list = []));
    list.push(run);
    textChars.set(angle, (textChars.get(angle) ?? 0) + run.text.length);
  }
  const angles = [...byAngle.keys()].sort((a, b) => (textChars.get(b) ?? 0) - (textChars.get(a) ?? 0) || a - b);
  const lines: LineDraft[] = [];
  for (const angle of angles) {
    if (!textChars.get(angle)) continue;
    for (const line of groupDirection(byAngle.get(angle)!, tuning)) lines.push(line);
  }
  return lines;
}

/**
 * Parsers that cannot be broken: the statute-citation grammar (through matchInstruments, which runs it
 * after every statute-type phrase), the reference parser, the sentence splitter and the codebook rules,
 * fuzzed with fast-check over strings built from the tokens each one reacts to (no exception may
 * escape, and each answer stays inside its input), then timed on 100 KB adversarial lines: each is
 * processed in under a second and four times the input takes about four times as long (linear, no
 * catastrophic backtracking). Finally the whole document path (extract → layout → segment → every
 * annotator) on the same lines: no annotator fails and each line takes seconds at most.
 */
import fc from 'fast-check';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../src/config.js';
import { processDocument } from '../../src/process-document.js';
import { compileMatcher } from '../../src/annotate/instruments/compile-matcher.js';
import { loadRegistry } from '../../src/annotate/instruments/load-registry.js';
import { matchInstruments } from '../../src/annotate/instruments/match-instruments.js';
import { parseReference } from '../../src/annotate/citations/parse-reference.js';
import { splitSentences } from '../../src/segment/split-sentences.js';
import { orderColumns } from '../../src/layout/order-columns.js';
import { codeSentence } from '../../src/annotate/themes/code-sentence.js';
import { compileCodebook } from '../../src/annotate/themes/compile-codebook.js';
import { loadCodebook } from '../../src/annotate/themes/load-codebook.js';
import { codebookPath, PIPELINES_DIR } from '../../src/annotate/themes/codebook-path.js';
import { tempDir } from '../helpers/temp-dir.js';

export const FUZZ_RUNS = 400;
const config = defaultPipeline();
const matcher = compileMatcher(loadRegistry(path.join(PIPELINES_DIR, config.stages.instruments.registry)));
const codebook = compileCodebook(loadCodebook(codebookPath(config.stages.themes.codebook)));

/** Tokens the parsers react to: statute vocabulary, reference punctuation, abbreviations, brackets. */
const tokens = [
  'UU', 'No.', 'Nomor', 'Tahun', '2011', '6', '18', '/', 'tentang', 'Undang-Undang', 'Peraturan', 'Pemerintah', '(PP)', 'Republik',
  'Indonesia', 'RI', 'Pasal', 'ayat', '(1)', 'huruf', 'of', 'Act', 'Convention', 'on', 'the', 'Protection', 'Migrant', 'Workers',
  'Perpres', 'Permen', 'Perda', 'Provinsi', 'Menteri', 'Ibid.', 'ibid', 'Id.', 'supra', 'note', 'et al.', 'pp.', 'p.', 'vol.', '(ed.)',
  'Smith,', 'J.', '&', 'and', '2020.', '(2019)', '10.1234/abc', 'https://doi.org/10.1000/x', '“Title”', '"', "'", '[', ']', '(', ')',
  '.', '..', '...', ',', ';', ':', '-', '–', '—', '1.', 'a.', 'II.', 'Dr.', 'pekerja', 'migran', 'perlindungan', 'deportasi',
  'forced', 'labour', 'trafficking', 'perdagangan', 'orang', 'visa', 'smuggling', '\n', '\t', ' ', '𝐀', '\u00ad', '\u200b', '\0',
];
const fuzzText = fc.oneof(
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join(' ')),
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const inside = (s: { start: number; end: number }, n: number) => 0 <= s.start && s.start <= s.end && s.end <= n;

describe(`fuzzing (${FUZZ_RUNS} runs each): no exception escapes, answers stay inside the input`, () => {
  it('statute-citation grammar (matchInstruments)', () => {
    fc.assert(fc.property(fuzzText, (text) => {
      for (const m of matchInstruments(text, matcher)) expect(inside(m, text.length)).toBe(true);
    }), { numRuns: FUZZ_RUNS, seed: 1 });
  });

  it('reference parser', () => {
    fc.assert(fc.property(fuzzText, (text) => {
      const parsed = parseReference(text);
      expect(typeof parsed).toBe('object');
    }), { numRuns: FUZZ_RUNS, seed: 2 });
  });

  it('sentence splitter', () => {
    fc.assert(fc.property(fuzzText, (text) => {
      const spans = splitSentences(text);
      for (let i = 0; i < spans.length; i++) {
        expect(inside(spans[i], text.length) && spans[i].start < spans[i].end).toBe(true);
        if (i) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
      }
    }), { numRuns: FUZZ_RUNS, seed: 3 });
  });

  it('codebook rules (codeSentence with the bundled codebook)', () => {
    fc.assert(fc.property(fuzzText, fc.nat(1000), (text, offset) => {
      for (const code of codeSentence(codebook, text, { offset })) {
        for (const e of code.evidence) for (const s of e.spans) expect(s.start >= offset && s.end <= offset + text.length).toBe(true);
      }
    }), { numRuns: FUZZ_RUNS, seed: 4 });
  });
});

/** 100 KB (or `size`) of one unit repeated, as one line. */
const line = (unit: string, size = 100_000) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const ADVERSARIAL: readonly [string, string][] = [
  ['dots', '.'],
  ['spaced dots', '. '],
  ['digits', '1234567890'],
  ['open brackets', '('],
  ['nested brackets', '([{'],
  ['bracket pairs', '(1) '],
  ['No. No.', 'No. '],
  ['Pasal Pasal', 'Pasal '],
  ['Ibid. Ibid.', 'Ibid. '],
  ['UU No. 6 Tahun', 'UU No. 6 Tahun '],
  ['Undang-Undang Nomor', 'Undang-Undang Nomor '],
  ['Peraturan Menteri', 'Peraturan Menteri Tenaga Kerja '],
  ['Tahun Tahun', 'Tahun 2011 '],
  ['et al.', 'Smith, J., et al. '],
  ['initials', 'A. '],
  ['quotes', '“"\''],
  ['DOI prefix', '10.1234/'],
  ['hyphens', 'a-'],
  ['theme terms', 'pekerja migran '],
];

const parsers: [string, (text: string) => unknown][] = [
  ['statute grammar', (text) => matchInstruments(text, matcher)],
  ['reference parser', (text) => parseReference(text)],
  ['sentence splitter', (text) => splitSentences(text)],
  ['codebook rules', (text) => codeSentence(codebook, text)],
];

/**
 * CPU milliseconds of the faster of two runs. CPU time, not wall time: other test files and other
 * people's jobs share the machine, and a parser is single-threaded, so its CPU time is what it costs.
 */
function time(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('linear time on 100 KB adversarial lines', () => {
  const cases = parsers.flatMap(([parser, run]) => ADVERSARIAL.map(([name, unit]) => [parser, name, unit, run] as const));
  it.each(cases)('%s: %s', (_parser, _name, unit, run) => {
    const small = time(() => run(line(unit)));
    const large = time(() => run(line(unit, 400_000)));
    expect(small).toBeLessThan(1000);
    // Four times the input: linear work takes about four times as long, quadratic sixteen; the floor
    // absorbs timer noise and JIT warm-up on a busy machine.
    expect(large).toBeLessThan(Math.max(8 * small, 300));
  });
});

describe('the whole document path on the adversarial lines', () => {
  const dir = tempDir('adversarial-');
  it.each(ADVERSARIAL)('%s: every stage and annotator completes, in seconds', async (name, unit) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, `Judul\n\n${line(unit)}\n`);
    const started = performance.now();
    const result = await processDocument({ identity: { file, sha256: '0'.repeat(64), bytes: statSync(file).size, mtimeMs: 0 }, mode: 'full', config, extractionVersion: 'test', pipelineVersion: 'test' });
    const seconds = (performance.now() - started) / 1000;
    expect(result.status === 'failed' ? result.error : null).toBeNull();
    expect(result.messages.filter((m) => m.rule === 'annotator-error' || m.rule === 'internal-error')).toEqual([]);
    expect(seconds).toBeLessThan(5);
  });
});

describe('reading order of a page with 100,000 lines in two columns', () => {
  it('is found in well under a second (no line is looked up in a list of lines)', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => {
      const text = `line ${i}`;
      return { text, page: 1, sourceStart: 0, sourceEnd: 0, x: i % 2 ? 320 : 40, y: 200_000 - Math.floor(i / 2) * 2, width: 40, fontSize: 1.5 };
    });
    const started = performance.now();
    const { lines: ordered, columns } = orderColumns({ number: 1, width: 612, height: 200_100, lines });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(columns).toBe(true);
    expect(ordered[0].text).toBe('line 0');
    expect(ordered[1].text).toBe('line 2');
    expect(ordered[50_000].text).toBe('line 1');
  });
});

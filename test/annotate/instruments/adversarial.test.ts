import { describe, expect, it } from 'vitest';
import type { TelaahDocument } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { instrumentsAnnotator, type InstrumentMention } from '../../../src/annotate/instruments/instruments-annotator.js';
import { claimsAnnotator } from '../../../src/annotate/claims/claims-annotator.js';
import { REGISTRY_DIR } from './build-document.js';

const annotate = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir: REGISTRY_DIR });
const claims = claimsAnnotator.create({ enabled: true, registry: 'registry', maxReach: 600, registryDir: REGISTRY_DIR });

/** A document built by hand: body text, then footnote texts from `notesStart` on. */
function documentOf(body: string, notes: string[] = []): TelaahDocument {
  let text = body;
  const footnotes = notes.map((n, i) => {
    text += '\n';
    const start = text.length;
    text += n;
    return { number: i + 1, page: 1, start, end: text.length };
  });
  return {
    id: 't', file: 't.txt', sha256: '', format: 'txt', title: null, language: 'und', pageCount: 1, text,
    notesStart: notes.length ? footnotes[0].start : text.length,
    pages: [{ number: 1, label: null, start: 0, end: text.length, header: [], footer: [] }],
    footnotes, markers: [], provisions: [], paragraphs: [], sourceMap: { norm: [0], src: [0], normLength: [text.length], srcLength: [text.length] },
    segments: { paragraphs: [], sentences: [] }, annotations: [],
  };
}

describe('instruments annotator on hostile input', () => {
  it.each([
    ['dots', '.'.repeat(100_000)],
    ['digits', '1'.repeat(100_000)],
    ['brackets', '(('.repeat(50_000)],
    ['No. No. No.', 'No. '.repeat(25_000)],
    ['UU No. No.', 'UU No. '.repeat(15_000)],
    ['Pasal Pasal', 'Pasal 1 '.repeat(12_000) + 'ICCPR'],
    ['years', '1951 '.repeat(20_000)],
    ['Konvensi Konvensi', 'Konvensi '.repeat(11_000)],
    ['Indonesia meratifikasi', 'Indonesia meratifikasi '.repeat(4_000) + 'ICCPR'],
  ])('stays fast on 100 KB of %s', (_, text) => {
    const doc = documentOf(text);
    const t0 = performance.now();
    const mentions = annotate(doc, new Report('t'));
    claims({ ...doc, annotations: [...mentions] }, new Report('t'));
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe('mentions in footnotes', () => {
  it('marks a mention in a reference footnote inReference, and one in the body not', () => {
    const doc = documentOf('Indonesia meratifikasi ICCPR.', [
      'Rahayu, “The Indonesian Immigration Law and the ICCPR”, Jurnal Hukum 4(1), 2019, hlm. 27.',
      'Lihat juga ICCPR untuk hak bergerak',
    ]);
    const got = (annotate(doc, new Report('t')) as InstrumentMention[]).map((m) => [m.data.surface, m.inFootnote, m.data.inReference]);
    expect(got).toEqual([
      ['ICCPR', false, false],
      ['ICCPR', true, true],
      ['ICCPR', true, false],
    ]);
  });
});

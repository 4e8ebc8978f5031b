import { describe, expect, it } from 'vitest';
import type { Footnote, TelaahDocument } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { extractFile } from '../../../src/extract/extract-file.js';
import { extractOptions } from '../../../src/extract/options.js';
import { layOut } from '../../../src/layout/lay-out.js';
import { layoutOptions } from '../../../src/layout/options.js';
import { segmentDocument } from '../../../src/segment/segment-document.js';
import { segmentOptions } from '../../../src/segment/options.js';
import { citationsAnnotator } from '../../../src/annotate/citations/citations-annotator.js';
import { citationsOptions } from '../../../src/annotate/citations/options.js';

const body = [
  'Perlindungan pekerja migran telah lama dibahas (Santoso, 2019: 45) dan juga oleh Whitman (2011).',
  'Kajian lain menekankan hak atas keselamatan di laut (Okafor & Lindqvist 2016).',
  'Daftar Pustaka',
  'Okafor, T., & Lindqvist, M. (2016). Sea Rescue Duties. Ocean Law Review, 31(2): 101-129.',
  'Santoso, B. A. (2019). Perlindungan Hukum Pekerja Migran. Jurnal Hukum Internasional, 12(3): 45-60. DOI: 10.1234/jhi.v12i3.99',
].join('\n\n');
const notes = ['Santoso, B. A. (2019). Perlindungan Hukum Pekerja Migran. Jurnal Hukum Internasional, 12(3): 45.', 'Opcit.', 'Lihat pembahasan di bagian berikutnya.'];

/** A document through the real extract → lay out → segment stages, with footnotes appended the way layout stores them. */
async function buildDocument(): Promise<TelaahDocument> {
  const report = new Report('doc');
  const raw = await extractFile('doc.txt', new TextEncoder().encode(body), extractOptions.parse({}), report);
  const laid = layOut(raw, layoutOptions.parse({}), report);
  let text = laid.text + '\n\n';
  const notesStart = text.length;
  const footnotes: Footnote[] = notes.map((n, i) => {
    const start = text.length;
    text += `${n}\n`;
    return { number: i + 1, page: 1, start, end: start + n.length };
  });
  const withNotes = { ...laid, text, notesStart, footnotes };
  const seg = segmentDocument(withNotes, segmentOptions.parse({}), report);
  return { ...withNotes, id: 'doc', file: 'doc.txt', sha256: '', format: 'txt', title: null, language: seg.language, pageCount: 1, segments: seg, annotations: [] };
}

describe('citationsAnnotator', () => {
  it('annotates footnote references, notes, bibliography entries and in-text citations', async () => {
    const doc = await buildDocument();
    const report = new Report('doc');
    const out = citationsAnnotator.create(citationsOptions.parse({}))(doc, report);
    for (const a of out) expect(a.end).toBeGreaterThan(a.start);
    const surface = (kind: string) => out.filter((a) => a.kind === kind).map((a) => doc.text.slice(a.start, a.end));
    expect(surface('reference')).toEqual([
      'Okafor, T., & Lindqvist, M. (2016). Sea Rescue Duties. Ocean Law Review, 31(2): 101-129.',
      'Santoso, B. A. (2019). Perlindungan Hukum Pekerja Migran. Jurnal Hukum Internasional, 12(3): 45-60. DOI: 10.1234/jhi.v12i3.99',
      notes[0],
      notes[1],
    ]);
    expect(surface('note')).toEqual([notes[2]]);
    expect(surface('in-text-citation')).toEqual(['Santoso, 2019: 45', 'Whitman (2011)', 'Okafor & Lindqvist 2016']);
    const inText = out.filter((a) => a.kind === 'in-text-citation').map((a) => a.data);
    expect(inText).toEqual([
      { authors: ['Santoso'], year: '2019', pinpoint: '45', referenceIndex: 1 },
      { authors: ['Whitman'], year: '2011', pinpoint: null, referenceIndex: null },
      { authors: ['Okafor', 'Lindqvist'], year: '2016', pinpoint: null, referenceIndex: 0 },
    ]);
    const opcit = out.find((a) => a.kind === 'reference' && a.data.noteNumber === 2)!;
    expect(opcit.data).toMatchObject({ backReference: { type: 'opcit', refersTo: 1, refIndex: 0 }, workKey: null });
    expect(opcit.data.unresolved).toMatch(/names no author/);
    expect(report.messages.map((m) => m.rule)).toEqual(['unresolved-back-reference']);
    const first = out.find((a) => a.kind === 'reference' && a.data.noteNumber === 1)!;
    expect(first.data).toMatchObject({ authors: ['Santoso, B. A.'], year: '2019', volume: '12', issue: '3', pages: '45', workKey: 'santoso|2019|perlindungan hukum pekerja migran' });
    expect(first.inFootnote).toBe(true);
    expect(out.every((a) => a.source === 'citations')).toBe(true);
  });
});

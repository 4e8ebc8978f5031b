import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation, Segment, TelaahDocument } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { extractFile } from '../../../src/extract/extract-file.js';
import { extractOptions } from '../../../src/extract/options.js';
import { layOut } from '../../../src/layout/lay-out.js';
import { layoutOptions } from '../../../src/layout/options.js';
import { segmentDocument } from '../../../src/segment/segment-document.js';
import { segmentOptions } from '../../../src/segment/options.js';
import { codebookPath } from '../../../src/annotate/themes/codebook-path.js';
import { themesOptions } from '../../../src/annotate/themes/options.js';
import { themesAnnotator, type ThemeCode } from '../../../src/annotate/themes/themes-annotator.js';

const codebookFile = codebookPath(themesOptions.parse({}).codebook);
const annotate = themesAnnotator.create({ ...themesOptions.parse({}), codebookFile });

/** A document by hand: paragraphs of sentences, the last paragraph a footnote. */
function documentOf(paragraphs: string[][], footnoteParagraphs = 0, annotations: Annotation[] = []): TelaahDocument {
  let text = '';
  const paras: Segment[] = [];
  const sentences: Segment[] = [];
  paragraphs.forEach((sents, p) => {
    if (text) text += '\n\n';
    const inFootnote = p >= paragraphs.length - footnoteParagraphs;
    const start = text.length;
    sents.forEach((s, i) => {
      if (i) text += ' ';
      sentences.push({ kind: 'sentence', start: text.length, end: text.length + s.length, page: 1, language: 'id', inFootnote, paragraph: p });
      text += s;
    });
    paras.push({ kind: 'paragraph', start, end: text.length, page: 1, language: 'id', inFootnote });
  });
  const notesStart = footnoteParagraphs ? paras[paras.length - footnoteParagraphs].start : text.length;
  return {
    id: 'doc', file: 'doc.txt', sha256: '', format: 'txt', title: null, language: 'id', pageCount: 1,
    text, notesStart, pages: [{ number: 1, label: null, start: 0, end: text.length, header: [], footer: [] }],
    footnotes: [], markers: [], provisions: [], sourceMap: { norm: [0], src: [0], normLength: [text.length], srcLength: [text.length] },
    paragraphs: paras, segments: { paragraphs: paras, sentences }, annotations,
  };
}

describe('themesAnnotator', () => {
  it('codes sentences with evidence and rolls codes up onto paragraphs', () => {
    const doc = documentOf([
      ['Penyelundupan manusia meningkat di perairan Indonesia.', 'Cuaca hari ini cerah.', 'Sindikat perdagangan orang juga aktif.'],
      ['Penelitian ini bersifat kualitatif.'],
    ]);
    const codes = annotate(doc, new Report('doc')) as ThemeCode[];
    expect(codes.map((c) => [c.data.level, c.data.themeId, doc.text.slice(c.start, c.end)])).toEqual([
      ['sentence', 'trafficking-smuggling', 'Penyelundupan manusia meningkat di perairan Indonesia.'],
      ['sentence', 'trafficking-smuggling', 'Sindikat perdagangan orang juga aktif.'],
      ['paragraph', 'trafficking-smuggling', doc.text.slice(0, doc.text.indexOf('\n\n'))],
    ]);
    expect(codes[0]).toMatchObject({
      kind: 'theme-code', source: 'themes', version: themesAnnotator.version, rule: 'trafficking-smuggling/trafficking-terms', inFootnote: false, page: 1,
      data: { themeName: 'Trafficking and smuggling', score: 1, evidence: [{ rule: 'trafficking-terms', terms: ['Penyelundupan'], spans: [{ start: 0, end: 13 }] }] },
    });
    expect(codes[0].data).not.toHaveProperty('codebookVersion');
    expect(codes[2].data).toMatchObject({ level: 'paragraph', score: 2, sentences: 2, evidence: [{ rule: 'trafficking-terms', terms: ['Penyelundupan', 'perdagangan orang'] }] });
  });

  it('uses instrument mentions for instrument-linked rules and marks codes in footnotes', () => {
    const body = 'Protokol Palermo menjadi rujukan utama.';
    const doc = documentOf([[body], ['Lihat juga laporan UNHCR tentang pengungsi.']], 1, [
      { kind: 'instrument-mention', start: 0, end: 16, page: 1, source: 'instruments', version: '1', rule: 'name', inFootnote: false, data: { instrumentId: 'palermo-protocol-trafficking' } },
    ]);
    const codes = annotate(doc, new Report('doc')) as ThemeCode[];
    const sentenceCodes = codes.filter((c) => c.data.level === 'sentence');
    expect(sentenceCodes.map((c) => [c.data.themeId, c.inFootnote, c.data.evidence.map((e) => e.rule)])).toEqual([
      ['trafficking-smuggling', false, ['trafficking-instruments']],
      ['refugee-protection', true, ['refugee-asylum-terms']],
      ['international-cooperation', true, ['international-bodies']],
    ]);
  });

  it('returns nothing when disabled', () => {
    const off = themesAnnotator.create({ ...themesOptions.parse({ enabled: false }), codebookFile });
    expect(off(documentOf([['Penyelundupan manusia.']]), new Report('doc'))).toEqual([]);
  });

  it('on a real article, every evidence span slices to its term and lies in its code span', async () => {
    const file = new URL('../../../../shared/corpus/seeds/000_a8b5b348252ec0f7.txt', import.meta.url).pathname;
    const report = new Report('seed');
    const raw = await extractFile(file, readFileSync(file), extractOptions.parse({}), report);
    const laid = layOut(raw, layoutOptions.parse({}), report);
    const seg = segmentDocument(laid, segmentOptions.parse({}), report);
    const doc: TelaahDocument = { ...laid, id: 'seed', file, sha256: '', format: 'txt', title: null, language: seg.language, pageCount: 1, segments: seg, annotations: [] };
    const codes = annotate(doc, report) as ThemeCode[];
    expect(codes.filter((c) => c.data.level === 'sentence').length).toBeGreaterThan(200);
    for (const c of codes) {
      expect(c.data.evidence.length).toBeGreaterThan(0);
      for (const e of c.data.evidence) {
        for (const s of e.spans) {
          expect(e.terms).toContain(doc.text.slice(s.start, s.end));
          expect(s.start >= c.start && s.end <= c.end).toBe(true);
        }
      }
    }
  });
});

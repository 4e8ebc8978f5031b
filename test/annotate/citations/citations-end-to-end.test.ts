import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../../src/message.js';
import { extractFile } from '../../../src/extract/extract-file.js';
import { extractOptions } from '../../../src/extract/options.js';
import { layOut } from '../../../src/layout/lay-out.js';
import { layoutOptions } from '../../../src/layout/options.js';
import { segmentDocument } from '../../../src/segment/segment-document.js';
import { segmentOptions } from '../../../src/segment/options.js';
import { citationsAnnotator } from '../../../src/annotate/citations/citations-annotator.js';
import { citationsOptions } from '../../../src/annotate/citations/options.js';
import { sharedDir } from '../../helpers/temp-dir.js';

describe('citations on the gold article through the real stages', () => {
  it('yields one reference per footnote with the gold back-reference targets and DOIs', async () => {
    const file = path.join(sharedDir, 'corpus/seeds/000_a8b5b348252ec0f7.txt');
    const gold = JSON.parse(readFileSync(path.join(sharedDir, 'gold/000_a8b5b348252ec0f7.gold.json'), 'utf8'));
    const report = new Report('gold');
    const raw = await extractFile(file, readFileSync(file), extractOptions.parse({}), report);
    const laid = layOut(raw, layoutOptions.parse({}), report);
    expect(laid.footnotes).toHaveLength(gold.footnotes.length);
    const seg = segmentDocument(laid, segmentOptions.parse({}), report);
    const doc = { ...laid, id: 'gold', file, sha256: '', format: 'txt' as const, title: null, language: seg.language, pageCount: 1, segments: seg, annotations: [] };
    const out = citationsAnnotator.create(citationsOptions.parse({}))(doc, report).filter((a) => a.kind === 'reference');
    expect(out.map((a) => a.data.noteNumber)).toEqual(gold.footnotes.map((f: { number: number }) => f.number));
    for (const [i, g] of gold.footnotes.entries()) {
      const data = out[i].data as { doi: string | null; backReference: { refersTo: number } | null };
      expect({ note: g.number, doi: data.doi, to: data.backReference?.refersTo ?? null }).toEqual({ note: g.number, doi: g.doi, to: g.back_reference?.refers_to ?? null });
      expect(doc.text.slice(out[i].start, out[i].end)).toBe(g.text);
    }
  });
});

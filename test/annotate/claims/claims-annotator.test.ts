import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TelaahDocument } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { toSourceEnd, toSourceStart } from '../../../src/offset-map.js';
import { instrumentsAnnotator } from '../../../src/annotate/instruments/instruments-annotator.js';
import { claimsAnnotator, type ClaimData } from '../../../src/annotate/claims/claims-annotator.js';
import type { Annotation } from '../../../src/document.js';
import { documentFromFile, documentFromText, REGISTRY_DIR } from '../instruments/build-document.js';
import { parseMarked } from '../instruments/parse-marked.js';

const instruments = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir: REGISTRY_DIR });
const claims = claimsAnnotator.create({ enabled: true, registry: 'registry', maxReach: 600, registryDir: REGISTRY_DIR });

async function claimsOf(doc: TelaahDocument, report = new Report(doc.id)) {
  const annotated = { ...doc, annotations: [...instruments(doc, report)] };
  return claims(annotated, report) as Annotation<ClaimData>[];
}

/**
 * Cases: each claim is written as <claim id=".." asserted=".." contradiction="yes|no">the mention</claim>
 * around the mention the claim rests on.
 */
describe('claims annotator', () => {
  it.each([
    'Indonesia telah meratifikasi <claim id="crc" asserted="ratified" contradiction="no">Konvensi Hak Anak</claim>.',
    'Indonesia belum meratifikasi <claim id="refugee-convention-1951" asserted="not-ratified" contradiction="no">Konvensi Pengungsi 1951</claim> serta <claim id="refugee-protocol-1967" asserted="not-ratified" contradiction="no">Protokol 1967</claim>, yang merupakan instrumen utama.',
    'Indonesia telah meratifikasi sejumlah perjanjian internasional, termasuk <claim id="refugee-convention-1951" asserted="ratified" contradiction="yes">Konvensi Pengungsi 1951</claim> dan <claim id="refugee-protocol-1967" asserted="ratified" contradiction="yes">Protokol 1967</claim>.',
    'Meskipun Indonesia bukan merupakan negara pihak pada <claim id="refugee-convention-1951" asserted="not-party" contradiction="no">Konvensi Pengungsi 1951</claim>, Indonesia tetap wajib melindungi pengungsi.',
    'Indonesia is not a party to the <claim id="refugee-convention-1951" asserted="not-party" contradiction="no">Refugee Convention</claim>.',
    'Indonesia has ratified the <claim id="iccpr" asserted="ratified" contradiction="no">ICCPR</claim> and the <claim id="icrmw" asserted="ratified" contradiction="no">ICRMW</claim>.',
    'Indonesia has not ratified the <claim id="icrmw" asserted="not-ratified" contradiction="yes">ICRMW</claim>.',
    'Indonesia telah menandatangani <claim id="ilo-c189" asserted="signatory" contradiction="yes">Konvensi ILO No. 189</claim>.',
    '<claim id="cat" asserted="ratified" contradiction="no">Konvensi Menentang Penyiksaan</claim> telah diratifikasi oleh Indonesia pada 1998.',
    'Malaysia belum meratifikasi <claim id="refugee-convention-1951" asserted="not-ratified" contradiction="no">Konvensi Pengungsi 1951</claim>.',
  ])('%s', async (marked) => {
    const { text, marks } = parseMarked(marked);
    const doc = await documentFromText(text);
    const got = (await claimsOf(doc)).map((c) => ({
      id: c.data.instrumentId,
      asserted: c.data.asserted,
      contradiction: c.data.contradiction ? 'yes' : 'no',
      mention: text.slice(toSourceStart(doc.sourceMap, c.data.mention.start), toSourceEnd(doc.sourceMap, c.data.mention.end)),
    }));
    expect(got).toEqual(marks.map((k) => ({ id: k.attrs.id, asserted: k.attrs.asserted, contradiction: k.attrs.contradiction, mention: text.slice(k.start, k.end) })));
  });

  it.each([
    'Negara-negara pihak pada Konvensi Pengungsi memiliki kewajiban.',
    'terlepas dari apakah mereka telah meratifikasi Konvensi Pengungsi atau tidak.',
    'Indonesia telah meratifikasi banyak perjanjian. Namun, Konvensi Pengungsi 1951 tetap penting.',
    'Indonesia meratifikasi perjanjian, namun Konvensi Pengungsi 1951 tetap belum.',
  ])('makes no claim of "%s"', async (text) => {
    expect(await claimsOf(await documentFromText(text))).toEqual([]);
  });

  it('finds both claims about the 1951 Convention in the gold article, and flags the wrong one', async () => {
    const file = path.resolve(import.meta.dirname, '../../../../shared/corpus/seeds/000_a8b5b348252ec0f7.txt');
    const report = new Report('000');
    const doc = await documentFromFile(file);
    const found = (await claimsOf(doc, report)).filter((c) => c.data.instrumentId === 'refugee-convention-1951');
    expect(found.map((c) => [c.data.asserted, c.data.contradiction])).toEqual([
      ['not-party', false],
      ['ratified', true],
      ['not-ratified', false],
    ]);
    for (const c of found) expect(doc.text.slice(c.start, c.end)).toContain('Indonesia');
    expect(report.messages.filter((m) => m.rule === 'contradiction').length).toBeGreaterThanOrEqual(1);
  });
});

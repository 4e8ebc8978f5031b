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
    // The instrument ratified through a statute is the treaty; the statute is how, checked against the registry.
    'Kewajiban itu bersumber dari Konvensi Internasional tentang Perlindungan Hak-Hak Seluruh Pekerja Migran dan Anggota Keluarganya. Indonesia telah meratifikasi <claim id="icrmw" asserted="ratified" contradiction="no" by="id-uu-6-2012">Konvensi tersebut</claim> melalui UU No. 6 Tahun 2012, sehingga kewajiban di dalamnya mengikat negara.',
    'Indonesia telah meratifikasi <claim id="cat" asserted="ratified" contradiction="no" by="id-uu-5-1998">Konvensi Menentang Penyiksaan</claim> dan Perlakuan atau Penghukuman Lain yang Kejam melalui UU No. 5 Tahun 1998, dan Pasal 3 Konvensi tersebut melarang pengembalian seseorang.',
    'The ICRMW sets minimum standards. Indonesia ratified <claim id="icrmw" asserted="ratified" contradiction="no" by="id-uu-6-2012">the Convention</claim> through Law No. 6 of 2012.',
    'Indonesia telah meratifikasi <claim id="crc" asserted="ratified" contradiction="yes" by="id-uu-6-2012">Konvensi Hak Anak</claim> melalui UU No. 6 Tahun 2012.',
    // A known ratifying statute as the object: the claim is about the treaty it ratified.
    'Indonesia telah mengesahkan <claim id="icrmw" asserted="ratified" contradiction="no" by="id-uu-6-2012">UU No. 6 Tahun 2012</claim> pada bulan Mei.',
    'Konvensi Pengungsi 1951 mengatur status pengungsi. Indonesia belum meratifikasi <claim id="refugee-convention-1951" asserted="not-ratified" contradiction="no">Konvensi tersebut</claim>, tetapi menerima pengungsi.',
  ])('%s', async (marked) => {
    const { text, marks } = parseMarked(marked);
    const doc = await documentFromText(text);
    const got = (await claimsOf(doc)).map((c) => ({
      id: c.data.instrumentId,
      asserted: c.data.asserted,
      contradiction: c.data.contradiction ? 'yes' : 'no',
      mention: text.slice(toSourceStart(doc.sourceMap, c.data.mention.start), toSourceEnd(doc.sourceMap, c.data.mention.end)),
      by: c.data.ratifiedBy,
    }));
    expect(got).toEqual(marks.map((k) => ({ id: k.attrs.id, asserted: k.attrs.asserted, contradiction: k.attrs.contradiction, mention: text.slice(k.start, k.end), by: k.attrs.by ?? null })));
  });

  it.each([
    'Negara-negara pihak pada Konvensi Pengungsi memiliki kewajiban.',
    'terlepas dari apakah mereka telah meratifikasi Konvensi Pengungsi atau tidak.',
    'Indonesia telah meratifikasi banyak perjanjian. Namun, Konvensi Pengungsi 1951 tetap penting.',
    'Indonesia meratifikasi perjanjian, namun Konvensi Pengungsi 1951 tetap belum.',
    // Domestic law is not ratified; an anaphor with nothing to refer back to is no object.
    'Indonesia telah mengesahkan UU No. 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia.',
    'Indonesia telah meratifikasi banyak perjanjian melalui UU No. 18 Tahun 2017.',
    'Indonesia telah meratifikasi Konvensi tersebut pada tahun 2012.',
    'Undang-Undang Nomor 18 Tahun 2017 berlaku. Indonesia telah meratifikasi Konvensi tersebut pada tahun 2012.',
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

  it('records the anaphor\'s antecedent and the ratifying statute, and flags a statute the registry does not record', async () => {
    const text = 'Konvensi Hak Anak melindungi anak. Indonesia telah meratifikasi Konvensi tersebut melalui UU No. 6 Tahun 2012.';
    const report = new Report('case');
    const doc = await documentFromText(text);
    const [claim, ...rest] = await claimsOf(doc, report);
    expect(rest).toEqual([]);
    expect(doc.text.slice(claim.data.antecedent!.start, claim.data.antecedent!.end)).toBe('Konvensi Hak Anak');
    expect([claim.data.instrumentId, claim.data.ratifiedBy, claim.data.ratifiedByMatches, claim.data.contradiction]).toEqual(['crc', 'id-uu-6-2012', false, true]);
    expect(claim.data.reason).toContain('registry records the ratifying instrument as id-keppres-36-1990');
    expect(report.messages.filter((m) => m.rule === 'contradiction').length).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { toSourceEnd, toSourceStart } from '../../../src/offset-map.js';
import { Report } from '../../../src/message.js';
import { instrumentsAnnotator, type InstrumentMention } from '../../../src/annotate/instruments/instruments-annotator.js';
import { documentFromBytes, documentFromText, REGISTRY_DIR } from './build-document.js';
import { parseMarked } from './parse-marked.js';

const annotate = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir: REGISTRY_DIR });

/** Runs the annotator on the plain text of a marked case; returns mentions with spans in that text. */
async function run(marked: string) {
  const { text, marks } = parseMarked(marked);
  const doc = await documentFromText(text);
  const mentions = annotate(doc, new Report('case')) as InstrumentMention[];
  for (const m of mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.data.surface);
  const got = mentions.map((m) => ({
    id: m.data.instrumentId,
    surface: text.slice(toSourceStart(doc.sourceMap, m.start), toSourceEnd(doc.sourceMap, m.end)),
    provision: m.data.provision,
    resolution: m.data.resolution,
    statute: m.data.statute,
  }));
  const want = marks.map((k) => ({ id: k.attrs.id, surface: text.slice(k.start, k.end) }));
  return { got, want, marks };
}

async function expectMarked(marked: string) {
  const { got, want } = await run(marked);
  expect(got.map(({ id, surface }) => ({ id, surface }))).toEqual(want);
}

describe('instruments annotator: names, aliases and abbreviations', () => {
  it.each([
    'Indonesia belum meratifikasi <instrument id="refugee-convention-1951">Konvensi Pengungsi 1951</instrument> dan <instrument id="refugee-protocol-1967">Protokol 1967</instrument>.',
    'Lihat <instrument id="refugee-convention-1951">Konvensi 1951 tentang Status Pengungsi</instrument> yang mengatur pengungsi.',
    'The <instrument id="refugee-convention-1951">1951 Refugee Convention</instrument> protects refugees.',
    'Pasal 7 <instrument id="iccpr">Kovenan Internasional tentang Hak Sipil dan Politik</instrument> serta <instrument id="iccpr">ICCPR</instrument> sendiri.',
    'termasuk <instrument id="iccpr">Konvensi Internasional tentang Hak-Hak Sipil dan \nPolitik</instrument> (salah sebut)',
    'the <instrument id="iccpr">International Covenant on Civil and Political Rights</instrument> (<instrument id="iccpr">ICCPR</instrument>)',
    'seperti <instrument id="icrmw">Konvensi Internasional tentang Perlindungan Hak-Hak Semua Pekerja Migran dan Anggota Keluarganya</instrument> (<instrument id="icrmw">ICRMW</instrument>) dan <instrument id="ilo-conventions">Konvensi-konvensi ILO</instrument>.',
    '<instrument id="icrmw">Konvensi Internasional tentang Perlindungan Hak-\nHak Semua Pekerja Migran dan Anggota Keluarga Mereka</instrument> berlaku',
    'dalam <instrument id="cerd">KONVENSI TENTANG PENGHAPUSAN SEGALA BENTUK DISKRIMINASI RASIAL</instrument>',
    'dijamin oleh <instrument id="id-uud-1945">UUD NRI Tahun 1945</instrument> dan <instrument id="id-uud-1945">Undang-Undang Dasar 1945</instrument>',
    'prinsip <instrument id="ungp-bhr">UNGP</instrument> (<instrument id="ungp-bhr">United Nations Guiding Principles on Business \nand Human Rights</instrument>) bagi perusahaan',
    'dan <instrument id="ungp-bhr">Prinsip-Prinsip Panduan PBB tentang Bisnis dan HAM</instrument> untuk korporasi',
    'the <instrument id="gcm">Global Compact for Safe, Orderly and Regular Migration</instrument> and the <instrument id="gcr">Global Compact on Refugees</instrument>',
    'the <instrument id="palermo-protocol-trafficking">Palermo Protocol</instrument> supplements the <instrument id="untoc">UNTOC</instrument>',
  ])('%s', expectMarked);

  it.each([
    'perjanjian internasional dan protokol internasional tentang pengungsi',
    'UNHCR dan IOM bekerja dengan Direktorat Jenderal Imigrasi',
    'hak sipil dan politik serta hak ekonomi, sosial, dan budaya',
    'the iccpr in a lower-case title',
    'prinsip non-refoulement dan pacta sunt servanda',
    // Anaphora resolve claims (src/annotate/claims), but are not mentions.
    'Indonesia telah meratifikasi Konvensi tersebut; the Convention and this Protocol apply.',
  ])('tags nothing in "%s"', async (text) => {
    const { got } = await run(text);
    expect(got).toEqual([]);
  });
});

describe('instruments annotator: statute citations', () => {
  it.each([
    'diatur dalam <instrument id="id-uu-6-2011">UU No. 6 Tahun 2011</instrument>',
    'diatur dalam <instrument id="id-uu-6-2011">Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian</instrument>, yang',
    'menurut <instrument id="id-uu-6-2011">UU 6/2011</instrument> dan <instrument id="id-uu-6-2011">Undang-Undang Keimigrasian</instrument> ini',
    'under <instrument id="id-uu-6-2011">Law No. 6/2011</instrument> and <instrument id="id-uu-6-2011">Act No. 6 of 2011 on Immigration</instrument>.',
    '<instrument id="id-pp-31-2013">Peraturan Pemerintah (PP) Nomor 31 Tahun 2013</instrument> mengatur',
    'serta <instrument id="id-perpres-125-2016">Perpres 125/2016</instrument>',
    '<instrument id="id-keppres-36-1990">Keppres 36/1990</instrument>',
    'lihat <instrument id="id-permen-4-2020">Permenkumham Nomor 4 Tahun 2020</instrument>',
    'dan <instrument id="id-perda-6-2025">Perda Provinsi DIY Nomor 6 Tahun 2025 tentang Pencegahan Korban Perdagangan Orang</instrument>.',
    'berdasarkan <instrument id="id-uu-39-1999">Undang-Undang \nNomor 39 Tahun 1999 tentang Hak Asasi Manusia</instrument> dan <instrument id="id-uu-26-2000">Undang-Undang Nomor 26 \nTahun 2000 tentang Pengadilan Hak Asasi Manusia</instrument>',
    '<instrument id="id-uu-18-2017">UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 18 TAHUN 2017\nTENTANG\nPELINDUNGAN PEKERJA MIGRAN INDONESIA</instrument>\nDENGAN RAHMAT TUHAN YANG MAHA ESA',
    'Peraturan Daerah ini mulai berlaku, <instrument id="id-perda-6-2014">Peraturan Daerah Daerah Istimewa Yogyakarta Nomor 6 Tahun 2014 tentang Perlindungan Terhadap Korban</instrument> dicabut',
    'lihat <instrument id="id-uu-24-2011">Undang-Undang Nomor 24 Tahun 2011 tentang Badan</instrument> 29 / 43',
    'see https://example.org/universal/declaration/of/human/rights and the <instrument id="udhr">Universal Declaration of Human Rights</instrument>',
    '<instrument id="id-uu-39-2004">Undang-Undang Nomor 39 Tahun 2004 tentang Penempatan dan Perlindungan Tenaga Kerja Indonesia di Luar Negeri</instrument>. Selanjutnya',
  ])('%s', expectMarked);

  it('gives an unknown statute a derived id, its number, year and title, whichever way it is cited', async () => {
    const { got } = await run('UU Nomor 63 Tahun 2024 tentang Perubahan Ketiga atas Undang-Undang Keimigrasian; lalu UU 63/2024.');
    expect(got.map((g) => [g.id, g.resolution])).toEqual([
      ['id-uu-63-2024', 'statute-citation'],
      ['id-uu-6-2011', 'alias'],
      ['id-uu-63-2024', 'statute-citation'],
    ]);
    expect(got[0].statute).toEqual({ type: 'uu', number: '63', year: 2024, title: 'Perubahan Ketiga' });
  });

  it.each(['UU No. 6 saja', 'pada tahun 2011 undang-undang baru', 'hlm. 6/2011', 'Law 6 of 2011'])('is no citation: "%s"', async (text) => {
    expect((await run(text)).got).toEqual([]);
  });
});

describe('instruments annotator: provisions and context', () => {
  it.each([
    ['dijamin dalam Pasal 28D \n\nUndang-Undang Dasar Negara Republik Indonesia Tahun 1945 (UUD NRI 1945)', ['Pasal 28D', null]],
    ['Pasal 28D ayat (1) UUD NRI 1945 menjamin', ['Pasal 28D ayat (1)']],
    ['Pasal 5 huruf a Undang-Undang Nomor 6 Tahun 2011 menyatakan', ['Pasal 5 huruf a']],
    ['Article 33(1) of the Refugee Convention forbids refoulement', ['Article 33(1)']],
    ['See Art. 13 UDHR on movement', ['Art. 13']],
    ['dalam UU No. 21 Tahun 2007 Pasal 2 ayat (1) diatur', ['Pasal 2 ayat (1)']],
  ] as const)('%s', async (text, provisions) => {
    expect((await run(text)).got.map((g) => g.provision)).toEqual(provisions);
  });

  it('resolves "Protokol 1967" from a refugee context and marks it so', async () => {
    const { got } = await run('Konvensi Pengungsi 1951 dan Protokol 1967 melindungi pengungsi.');
    expect(got.map((g) => [g.id, g.resolution])).toEqual([
      ['refugee-convention-1951', 'alias'],
      ['refugee-protocol-1967', 'context'],
    ]);
  });

  it('leaves "Prinsip-Prinsip Panduan" unresolved without context, and resolves it by topic', async () => {
    expect((await run('Prinsip-Prinsip Panduan itu penting.')).got).toEqual([]);
    expect((await run('Perusahaan dan bisnis wajib menghormati Prinsip-Prinsip Panduan.')).got.map((g) => g.id)).toEqual(['ungp-bhr']);
    expect((await run('Pengungsi internal dilindungi oleh Prinsip-Prinsip Panduan.')).got.map((g) => g.id)).toEqual(['guiding-principles-idp']);
  });
});

describe('instruments annotator: paragraph, notes and document-symbol boundaries', () => {
  it.each([
    // A statute title stops at a paragraph break: the next paragraph (an author note) is not its title.
    'Telaah atas <instrument id="id-uu-18-2017">Undang-Undang Nomor 18 Tahun 2017</instrument> tentang\n\nPenulis korespondensi: contoh.',
    // … and at a sentence end.
    'sesuai <instrument id="id-uu-6-2011">UU No. 6 Tahun 2011 tentang Keimigrasian</instrument>. Pengungsi tetap',
    // A name never runs across a blank line.
    'termasuk Konvensi Internasional tentang Hak-Hak Sipil dan\n\nPolitik (salah sebut)',
    // Nor does a citation between its type and its number.
    'berdasarkan Undang-Undang\n\nNomor 39 Tahun 1999 yang',
    // A UN document symbol holds the acronym of a treaty body, not a mention of the treaty.
    'General Comment No. 1 on Migrant Domestic Workers, CMW/C/GC/1 (2011), paras. 7-13; see also CCPR/C/21/Rev.1.',
    'the <instrument id="icrmw">CMW</instrument>, in its General Comment No. 1',
    'both the <instrument id="iccpr">ICCPR</instrument>/<instrument id="icescr">ICESCR</instrument> pair',
  ])('%s', expectMarked);

  it('never runs from the body into the notes, or from one note into the next', async () => {
    const text = [
      'Artikel ini menelaah Undang-Undang Nomor 18 Tahun 2017 tentang[^1]',
      '',
      '[^1]: Penulis korespondensi: nama@contoh.ac.id.',
      '[^2]: Lihat Undang-Undang Nomor 6 Tahun 2012 tentang',
      '[^3]: Pengesahan Konvensi.',
      '',
    ].join('\n');
    const doc = await documentFromBytes('case.md', new TextEncoder().encode(text));
    expect(doc.footnotes.length).toBe(3);
    const mentions = annotate(doc, new Report('case')) as InstrumentMention[];
    expect(mentions.map((m) => [m.data.instrumentId, m.data.surface, m.data.statute?.title ?? null, m.start >= doc.notesStart])).toEqual([
      ['id-uu-18-2017', 'Undang-Undang Nomor 18 Tahun 2017', null, false],
      ['id-uu-6-2012', 'Undang-Undang Nomor 6 Tahun 2012', null, true],
    ]);
  });
});

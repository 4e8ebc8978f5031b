import { describe, expect, it } from 'vitest';
import { layOutFile } from './lay-out-file.js';

describe('two-column pages and hanging-indent entries', () => {
  it('corpus/artikel-pekerja-migran.pdf: the balanced Daftar Pustaka page reads column by column, one paragraph per entry', async () => {
    const { body } = await layOutFile('corpus/artikel-pekerja-migran.pdf');
    const from = body.indexOf('Daftar Pustaka');
    expect(body.slice(from)).toEqual([
      'Daftar Pustaka',
      'Buku',
      'Kusumadewa, Hendra. Hukum Ketenagakerjaan Lintas Batas. Yogyakarta: Penerbit Pustaka Telaah, 2019.',
      'Purnomo, Bayu Aji. Metode Penelitian Hukum Normatif. Surabaya: Pustaka Telaah, 2016.',
      'Santoso, Adi Wijaya. Negara, Pasar, dan Migrasi Tenaga Kerja di Asia Tenggara. Bandung: Lembah Ilmu, 2021.',
      'Artikel Jurnal',
      'Halim, Nurul, dan Bagus Tirtayasa. "Desentralisasi Pelindungan Pekerja Migran: Kapasitas Daerah Pengirim setelah UU 18/2017." Jurnal Otonomi dan Pelayanan Publik 6, no. 1 (2021): 55-78. https://doi.org/10.5555/jopp.2021.6.1.55.',
      'Pranata, Galih. "Calo, Utang, dan Biaya Informal dalam Rekrutmen Pekerja Migran." Jurnal Sosiologi Hukum Nusantara 4, no. 2 (2020): 201-224. https://doi.org/10.5555/jshn.v4i2.311.',
      'Rahardjo, Sekar Ayu. "Pekerja Rumah Tangga Migran dan Konvensi ILO No. 189." Jurnal Hukum dan Gender 11, no. 1 (2022): 1-26.',
      // The left column's last entry runs on at the top of the right column; "Pelin-" + "dungan" rejoined.
      'Wibisono, Larasati. "Dari Penempatan ke Pelindungan: Pergeseran Paradigma dalam Hukum Migrasi Kerja Indonesia." Jurnal Legislasi Contoh 15, no. 3 (2018): 233-256. https://doi.org/10.5555/jlc.15.3.233.',
      'Yamada, Keiko. "Employer Pays: Recruitment Fees in Asian Labour Migration Corridors." Asian Journal of Labour Mobility 3, no. 2 (2019): 87-110. https://doi.org/10.5555/ajlm.2019.0087.',
      'Peraturan dan Dokumen',
      'Undang-Undang Dasar Negara Republik Indonesia Tahun 1945.',
      'Undang-Undang Nomor 39 Tahun 1999 tentang Hak Asasi Manusia.',
      'Undang-Undang Nomor 6 Tahun 2012 tentang Pengesahan International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families.',
      'Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia.',
      'Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families. General Comment No. 1 on Migrant Domestic Workers. CMW/C/GC/1, 23 Februari 2011.',
      'United Nations Human Rights Council. Guiding Principles on Business and Human Rights. A/HRC/17/31, 21 Maret 2011.',
    ]);
  });

  it('UU 6/2011: a numbered definition set apart from its label, justified wide, is one paragraph', async () => {
    const { body } = await layOutFile('../shared/corpus/real/uu-6-2011-keimigrasian.pdf');
    expect(body).toContain(
      '1. Keimigrasian adalah hal ihwal lalu lintas orang yang masuk atau keluar Wilayah Indonesia serta pengawasannya dalam rangka menjaga tegaknya kedaulatan negara.',
    );
    expect(body).toContain(
      '3. Fungsi Keimigrasian adalah bagian dari urusan pemerintahan negara dalam memberikan pelayanan Keimigrasian, penegakan hukum, keamanan negara, dan fasilitator pembangunan kesejahteraan masyarakat.',
    );
  });

  it('corpus/perda-contoh-perlindungan-pmi.pdf: a considerans item wrapped under its hanging indent is one paragraph', async () => {
    const { body } = await layOutFile('corpus/perda-contoh-perlindungan-pmi.pdf');
    expect(body).toContain('2. Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang (Lembaran Negara Republik Indonesia Tahun 2007 Nomor 58);');
    expect(body).toContain('Mengingat:');
  });

  it('Harvard Law Review: a sentence is not broken where a footnote call splits its printed line', async () => {
    const { body } = await layOutFile('../shared/corpus/real/article-das-immigration-detention-harvard-lr.pdf');
    expect(body.some((p) => p.includes('On appeal, the Third Circuit vacated and remanded. Addressing the district court'))).toBe(true);
  });
});

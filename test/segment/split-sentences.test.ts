import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/split-sentences.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    [
      'statute citations keep "No." and "Pasal ... ayat (1)" inside the sentence',
      'Lihat UU No. 6 Tahun 2011 tentang Keimigrasian. Pasal 28D ayat (1) UUD 1945 menjamin hak itu.',
      ['Lihat UU No. 6 Tahun 2011 tentang Keimigrasian.', 'Pasal 28D ayat (1) UUD 1945 menjamin hak itu.'],
    ],
    [
      'initials and page locators do not end a reference',
      'Ruggie, J. G. (2013). Just Business. Connecticut: University of Connecticut, p. 16.',
      ['Ruggie, J. G. (2013).', 'Just Business.', 'Connecticut: University of Connecticut, p. 16.'],
    ],
    [
      'Ibid. alone is a sentence; Op. cit. and hlm. are not boundaries',
      'Ibid. Lihat juga Sunardi, Op. cit., hlm. 5. Bandingkan Vol. 3 No. 2.',
      ['Ibid.', 'Lihat juga Sunardi, Op. cit., hlm. 5.', 'Bandingkan Vol. 3 No. 2.'],
    ],
    [
      'et al., pp., cf., Art. and Sec. in English scholarship',
      'See Smith et al. (2019), pp. 12–14; cf. Art. 33 and Sec. 5 of the Act. The rule is absolute.',
      ['See Smith et al. (2019), pp. 12–14; cf. Art. 33 and Sec. 5 of the Act.', 'The rule is absolute.'],
    ],
    [
      'e.g. and i.e. before capitals',
      'Some treaties, e.g. ICCPR and CAT, bind Indonesia, i.e. Indonesia must report. It has.',
      ['Some treaties, e.g. ICCPR and CAT, bind Indonesia, i.e. Indonesia must report.', 'It has.'],
    ],
    [
      'U.S. ends a sentence only before a common sentence opener',
      'She was detained in the U.S. The U.S. Supreme Court later heard the case.',
      ['She was detained in the U.S.', 'The U.S. Supreme Court later heard the case.'],
    ],
    [
      'decimals and dates are not boundaries',
      'The rate rose to 2.5 percent by 29.6.2013. It fell to 1.75 later.',
      ['The rate rose to 2.5 percent by 29.6.2013.', 'It fell to 1.75 later.'],
    ],
    [
      'URLs and DOIs keep their dots',
      'DOI: 10.1111/j.1468-2435.2009.00566.x Available at https://www.refworld.org/docid/3be01b964.html. Accessed 5 May 2024.',
      ['DOI: 10.1111/j.1468-2435.2009.00566.x Available at https://www.refworld.org/docid/3be01b964.html.', 'Accessed 5 May 2024.'],
    ],
    [
      'closing quotes and brackets stay with the sentence',
      'Pasal itu berbunyi: "Setiap orang berhak atas suaka." (Lihat Pasal 28G.) Hak itu dijamin.',
      ['Pasal itu berbunyi: "Setiap orang berhak atas suaka."', '(Lihat Pasal 28G.)', 'Hak itu dijamin.'],
    ],
    [
      'curly quotes too',
      'Ia menyebutnya “jus cogens.” Negara terikat.',
      ['Ia menyebutnya “jus cogens.”', 'Negara terikat.'],
    ],
    [
      'numbered statute paragraphs start sentences',
      '(1) Setiap orang berhak atas suaka. (2) Hak sebagaimana dimaksud pada ayat (1) diatur dengan undang-undang.',
      ['(1) Setiap orang berhak atas suaka.', '(2) Hak sebagaimana dimaksud pada ayat (1) diatur dengan undang-undang.'],
    ],
    [
      'a heading number does not end its heading',
      '1. Pendahuluan\nKonvensi Pengungsi 1951 adalah pilar utama.',
      ['1. Pendahuluan\nKonvensi Pengungsi 1951 adalah pilar utama.'],
    ],
    [
      'list items after ";" start sentences; "dan c." does not',
      'Menimbang: a. bahwa hak asasi manusia perlu dilindungi; b. bahwa negara wajib melindungi; dan c. bahwa perlu dibentuk undang-undang.',
      ['Menimbang: a. bahwa hak asasi manusia perlu dilindungi;', 'b. bahwa negara wajib melindungi; dan c. bahwa perlu dibentuk undang-undang.'],
    ],
    [
      'list items after ":" and a line break start sentences; numbers inside the list do not end them',
      'Tujuannya sebagai berikut:\n1. Melindungi pekerja migran.\n2. Menjamin hak keluarga.',
      ['Tujuannya sebagai berikut:', '1. Melindungi pekerja migran.', '2. Menjamin hak keluarga.'],
    ],
    [
      'a footnote number glued to the period belongs to neither sentence',
      'karena alasan opini politik.1 Negara-negara pihak wajib. Hal ini terjadi pada tahun 2019.10 Pada saat itu juga.',
      ['karena alasan opini politik.', 'Negara-negara pihak wajib.', 'Hal ini terjadi pada tahun 2019.', 'Pada saat itu juga.'],
    ],
    [
      'Markdown and superscript note markers after the period belong to neither sentence',
      'in several meetings in 2006.[^164] A US-funded advisor worked on it.¹² The bill passed.',
      ['in several meetings in 2006.', 'A US-funded advisor worked on it.', 'The bill passed.'],
    ],
    [
      'sentences run together without a space are split after a lower-case word, not in names or URLs',
      '*Convention concerning forced or compulsory labour.*The General Conference met at www.ilo.Org today.See U.S.Code.',
      ['*Convention concerning forced or compulsory labour.*', 'The General Conference met at www.ilo.Org today.', 'See U.S.Code.'],
    ],
    [
      'Bluebook citations: "v.", initials, title-case and small-caps abbreviation chains',
      'Court recently overturned that doctrine. See Loper Bright Enters. v. Raimondo, 144 S. Ct. 2244, 2273 (2024) (overturning Chevron U.S.A. Inc. v. Nat. Res. Def. Council, Inc., 467 U.S. 837 (1984)). In A.S.M. v. Warden, a court denied their claims.',
      [
        'Court recently overturned that doctrine.',
        'See Loper Bright Enters. v. Raimondo, 144 S. Ct. 2244, 2273 (2024) (overturning Chevron U.S.A. Inc. v. Nat. Res. Def. Council, Inc., 467 U.S. 837 (1984)).',
        'In A.S.M. v. Warden, a court denied their claims.',
      ],
    ],
    [
      'small-caps journal names do not end sentences, an acronym before a sentence does',
      'NAT’L IMMIGR. JUST. CTR. & DET. WATCH NETWORK, LIVES IN PERIL (2024); 57 LOY. L.A. L. REV. 1 (2024). It was held by ICE. The court agreed.',
      ['NAT’L IMMIGR. JUST. CTR. & DET. WATCH NETWORK, LIVES IN PERIL (2024); 57 LOY. L.A. L. REV. 1 (2024).', 'It was held by ICE.', 'The court agreed.'],
    ],
    [
      'footnote lines numbered after "id." start new sentences',
      '515. See id.\n516. Id.\n517. See, e.g., UNHCR, GLOBAL TRENDS, at 2 (2024).',
      ['515. See id.', '516. Id.', '517. See, e.g., UNHCR, GLOBAL TRENDS, at 2 (2024).'],
    ],
    [
      'statute heading lines are sentences of their own',
      'Pasal 9\nCukup jelas.\nAyat (2)\nCukup jelas.\nPasal 5 ayat (1)\nmenyatakan bahwa negara wajib.',
      ['Pasal 9', 'Cukup jelas.', 'Ayat (2)', 'Cukup jelas.', 'Pasal 5 ayat (1)\nmenyatakan bahwa negara wajib.'],
    ],
    [
      'ellipses and continuation catchwords are not boundaries',
      'disampaikan kepada . . . Presiden dan lain-lain... Namun tetap berlaku.',
      ['disampaikan kepada . . . Presiden dan lain-lain... Namun tetap berlaku.'],
    ],
    [
      'question and exclamation marks end sentences',
      'Apakah negara wajib melindungi? Ya, wajib! Tentu saja.',
      ['Apakah negara wajib melindungi?', 'Ya, wajib!', 'Tentu saja.'],
    ],
    [
      'a lower-case word after a period continues the sentence',
      'diatur dalam Pasal 5. dan seterusnya berlaku.',
      ['diatur dalam Pasal 5. dan seterusnya berlaku.'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('splits only inside the given span and trims whitespace', () => {
    const text = 'Awal. Kalimat satu.  Kalimat dua.  Akhir.';
    const span = { start: 6, end: 35 };
    expect(splitSentences(text, span).map((s) => text.slice(s.start, s.end))).toEqual(['Kalimat satu.', 'Kalimat dua.']);
  });
});

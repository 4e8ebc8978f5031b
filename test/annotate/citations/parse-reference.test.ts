import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../src/annotate/citations/parse-reference.js';
import { parseReferenceLines } from '../../../src/annotate/citations/parse-reference-lines.js';

// Invented references in the styles the corpus uses (APA with Indonesian journals, Chicago, Vancouver,
// numbered physics); the expected fields are what a careful reader labels.
const cases: { raw: string; expect: Record<string, unknown> }[] = [
  {
    raw: 'Santoso, B. A., Wibowo, C., & Lestari. (2019). Perlindungan Hukum Pekerja Migran di Malaysia. Jurnal Hukum Internasional, 12(3): 45. DOI: 10.1234/jhi.v12i3.99',
    expect: { authors: ['Santoso, B. A.', 'Wibowo, C.', 'Lestari'], year: '2019', title: 'Perlindungan Hukum Pekerja Migran di Malaysia', container: 'Jurnal Hukum Internasional', volume: '12', issue: '3', pages: '45', doi: '10.1234/jhi.v12i3.99' },
  },
  {
    raw: 'Hadi, S. (2005). Sosiologi Hukum Migrasi. Yogyakarta: Pustaka Pelajar, hlm. 88.',
    expect: { authors: ['Hadi, S.'], year: '2005', title: 'Sosiologi Hukum Migrasi', container: null, place: 'Yogyakarta', publisher: 'Pustaka Pelajar', pages: '88', pinpoint: '88' },
  },
  {
    raw: 'Whitman, Laura. Borders of Duty: Asylum and the Modern State. Cambridge, Mass.: Lantern Press, 2011.',
    expect: { authors: ['Whitman, Laura'], year: '2011', title: 'Borders of Duty: Asylum and the Modern State', place: 'Cambridge, Mass.', publisher: 'Lantern Press' },
  },
  {
    raw: 'T. Okafor and M. Lindqvist, "Sea rescue duties under the law of the sea," Ocean Law Review, vol. 31, no. 2, pp. 101-129, 2016.',
    expect: { authors: ['Okafor, T.', 'Lindqvist, M.'], year: '2016', title: 'Sea rescue duties under the law of the sea', container: 'Ocean Law Review', volume: '31', issue: '2', pages: '101-129' },
  },
  {
    raw: 'Novak KL, Berg T, Amari S: Detention and mental health of asylum seekers. Int J Migr Health 2014; 7:210-219.',
    expect: { authors: ['Novak, KL', 'Berg, T', 'Amari, S'], year: '2014', container: 'Int J Migr Health', volume: '7', pages: '210-219' },
  },
  // Footnote styles: a natural-order author, then a title with commas in it (not a second, inverted author).
  {
    raw: 'Rosa Lindqvist, Ships, Ports, and the Limits of Rescue, 41 OCEAN & MIGRATION L.J. 201, 210-12 (2017).',
    expect: { authors: ['Lindqvist, Rosa'], year: '2017', title: 'Ships, Ports, and the Limits of Rescue' },
  },
  {
    raw: 'Dewi Kartika Sari, Laut, Pelabuhan, dan Pengungsi di Asia Tenggara (Medan: Pustaka Samudra, 2020), hlm. 12-15.',
    expect: { authors: ['Sari, Dewi Kartika'], year: '2020', title: 'Laut, Pelabuhan, dan Pengungsi di Asia Tenggara', pages: '12-15' },
  },
  // A year in the title is not the date: the date closes the bracket at the end.
  {
    raw: 'UNHCR, Note on Asylum Procedures under the 1951 Convention and its 1967 Protocol (Mar. 3, 2009).',
    expect: { year: '2009' },
  },
];

describe('parseReference', () => {
  for (const c of cases) {
    it(`parses ${c.raw.slice(0, 40)}…`, () => {
      const ref = parseReference(c.raw);
      for (const [field, value] of Object.entries(c.expect)) expect({ field, value: ref[field as keyof typeof ref] }).toEqual({ field, value });
    });
  }

  it('normalizes every DOI form and keeps it out of the other fields', () => {
    expect(parseReference('Lee, A. (2020). Title. J, 1(2): 3. https://doi.org/10.5555/ABC.123.').doi).toBe('10.5555/abc.123');
    expect(parseReference('Lee, A. (2020). Title. J, 1(2): 3. doi:10.5555/x(1)2.').doi).toBe('10.5555/x(1)2');
    expect(parseReference('Lee, A. (2020). Title. J, 1(2): 3. http://dx.doi.org/10.5555%2Fq9').doi).toBe('10.5555/q9');
  });

  it('takes the URL and the access date in Indonesian and English', () => {
    const id = parseReference('Kementerian Luar Negeri. (2022). Data WNI di Luar Negeri. Tersedia di https://example.go.id/data-wni, diakses 3 Maret 2023.');
    expect(id.url).toBe('https://example.go.id/data-wni');
    expect(id.accessed).toBe('3 Maret 2023');
    const en = parseReference('UNHCR. (2021). Global Trends. Available at: https://example.org/trends (accessed 12 May 2022).');
    expect(en.url).toBe('https://example.org/trends');
    expect(en.accessed).toBe('12 May 2022');
  });

  it('returns nulls, never throws, on text that is no reference', () => {
    const ref = parseReference('');
    expect(ref.authors).toEqual([]);
    expect(ref.year).toBeNull();
    expect(parseReference('....;;;((( ))) 12').title).toBeNull();
  });

  it('stays linear on adversarial input', () => {
    const inputs = ['.'.repeat(100_000), '1'.repeat(100_000), '('.repeat(50_000) + ')'.repeat(50_000), 'No. '.repeat(25_000), 'A. '.repeat(30_000), 'Ab, '.repeat(25_000), '10.1234/' + ')'.repeat(100_000), '1 F. '.repeat(25_000), '“‘'.repeat(50_000), ', Fall'.repeat(20_000), '5, 6 (1999) '.repeat(10_000),
      'x 1999) '.repeat(12_000), 'Ab (Cd 2001) '.repeat(8_000), '. In Ab, '.repeat(10_000), 'In Ab, Cd, editors, '.repeat(5_000), 'Department. (1999). '.repeat(5_000), '(Ab, 2001)'.repeat(10_000), ' doi, . '.repeat(12_000), 'Vol. IV '.repeat(12_000), "'95 ".repeat(20_000)];
    for (const input of inputs) {
      const t0 = performance.now();
      parseReference(input);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});

describe('styles without a sentence per field', () => {
  it('reads a physics reference with no title: the abbreviated journal, volume and first page', () => {
    expect(parseReference('K. Ortiz and L. Baptiste, Phys. Rev. D 61, 1243 (1999).')).toMatchObject({ authors: ['Ortiz, K.', 'Baptiste, L.'], title: null, container: 'Phys. Rev. D', volume: '61', pages: '1243', year: '1999' });
    expect(parseReference('Moreau, P., Saleh, R., 2004, ApJ, 612, 1588')).toMatchObject({ authors: ['Moreau, P.', 'Saleh, R.'], year: '2004', title: null, container: 'ApJ', volume: '612', pages: '1588' });
  });

  it('runs an author list through "et al." and keeps a title in nested quotation marks whole', () => {
    const ref = parseReference('Halim, Rina, et al. “‘Home’ and the Law of Return.” Migration Studies 4 (2011): 22–40.');
    // Values lose their surrounding quotation marks (the labels' convention), the inner one included.
    expect(ref).toMatchObject({ authors: ['Halim, Rina'], title: 'Home’ and the Law of Return', container: 'Migration Studies', volume: '4', pages: '22–40', year: '2011' });
  });

  it('reads a law-report citation after a case name: volume, reporter, first page', () => {
    expect(parseReference('Ortega v. Lindell, 512 F. Supp. 2d 310 (S.D.N.Y. 2007)')).toMatchObject({ title: 'Ortega v. Lindell', container: 'F. Supp. 2d', volume: '512', pages: '310' });
    expect(parseReference('12 U.S. 45')).toMatchObject({ container: 'U.S.', volume: '12', pages: '45' });
  });

  it('ends a comma-style title before a place–year imprint, a journal abbreviation or a translator', () => {
    expect(parseReference('T. Wirananda, Hukum Laut dan Pelaut, Bandung 1987.').title).toBe('Hukum Laut dan Pelaut');
    expect(parseReference('R. Ilyas, S. Duarte, Stateless crews at sea, Int. J. Mar. Law 12 (2004) 77-90.')).toMatchObject({ title: 'Stateless crews at sea', volume: '12', pages: '77-90' });
    expect(parseReference('A. Berglund, Exile and Return, trans. John Moss (London: Harbour Press, 1999), p. 12.').title).toBe('Exile and Return');
  });

  it('leaves the issue date out of the container', () => {
    expect(parseReference('Lubis, Ayu. Harbour Work. Maritime Labour Review, Spring 2009, n° 14, p. 3-9.')).toMatchObject({ container: 'Maritime Labour Review', issue: '14', pages: '3-9' });
  });
});

describe('parseReferenceLines', () => {
  it('answers each input line with one JSON line, blank for blank', () => {
    const out = parseReferenceLines('Hadi, S. (2005). Sosiologi Hukum Migrasi. Yogyakarta: Pustaka Pelajar.\n\nLee, A. (2020). T. J, 1(2): 3.\n').split('\n');
    expect(out).toHaveLength(4);
    expect(JSON.parse(out[0])).toMatchObject({ authors: ['Hadi, S.'], year: '2005', title: 'Sosiologi Hukum Migrasi', publisher: 'Pustaka Pelajar', place: 'Yogyakarta' });
    expect(out[1]).toBe('');
    expect(JSON.parse(out[2])).toMatchObject({ volume: '1', issue: '2', pages: '3' });
  });
});

describe('DOIs glued to what follows', () => {
  it('drops a capitalised label that extraction glued to the DOI', () => {
    expect(parseReference('Lee, A. (2020). Title. J. Phys. 1, 2. doi:10.5555/Phys.93.1.URL http: //example.org/x').doi).toBe('10.5555/phys.93.1');
  });
});

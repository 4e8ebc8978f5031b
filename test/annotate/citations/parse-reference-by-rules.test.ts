import { describe, expect, it } from 'vitest';
import { parseReferenceByRules } from '../../../src/annotate/citations/parse-reference-by-rules.js';

// Invented references, one per structure the rules must read; the expected fields are what a careful
// reader labels. Only the rules are run here, so these pin the rules themselves (the labeller is
// tested in label-reference.test.ts).
const cases: { what: string; raw: string; expect: Record<string, unknown> }[] = [
  {
    what: 'editors with commas before an "In" container, and ", editors,"',
    raw: 'Halim, R. and Soto, M. Port states and maritime rescue. In Berg, T. K., Amari, S., and Novak, P., editors, Advances in Maritime Governance, pages 41-60, Leiden. Nijhoff.',
    expect: { title: 'Port states and maritime rescue', container: 'Advances in Maritime Governance' },
  },
  {
    what: 'editors named before "(eds.)" in a lower-case "in" container after a quoted title',
    raw: 'Marchetti, Lucia, “Exile and return in the Adriatic” in Paolo Renzi, Anna Vela, and Marco Dini (eds.), Migrazioni adriatiche, 2 vols. (Rome: Carocci, 2006), vol. ii, pp. 101–19.',
    expect: { title: 'Exile and return in the Adriatic', container: 'Migrazioni adriatiche' },
  },
  {
    what: 'a container whose title has a colon right after "In" (no "Place: Publisher" imprint)',
    raw: 'Ward, K. (2011). Listening to detainees. In P. Ode & L. Sato (Eds.), Rescue narratives: Voices, law and practice (pp. 12-30). Bristol: Harbour Books.',
    expect: { title: 'Listening to detainees', container: 'Rescue narratives: Voices, law and practice', place: 'Bristol', publisher: 'Harbour Books' },
  },
  {
    what: 'an editor named after the container ("…? Ana Ruiz, ed.")',
    raw: 'Okoro, Chidi. 1994. The Sea as Frontier. In Who Owns the Coast? Ana Ruiz, ed. Pp. 10–31. Lagos: Tidewater.',
    expect: { container: 'Who Owns the Coast?' },
  },
  {
    what: 'an "In" opening a sentence after the title ran on past a question mark',
    raw: 'Lestari, D. and Bakker, J. (2001). Refuge or Return? Choices of stranded seafarers. In Hale, M., editor, Studies in Maritime Labour, pages 5-19. Kiel.',
    expect: { container: 'Studies in Maritime Labour' },
  },
  {
    what: 'a Roman volume after "Vol." ends the container',
    raw: 'Putri, Sari, “Perlindungan Awak Kapal Perikanan”, Jurnal Kelautan, Vol. IV, Maret 2018',
    expect: { title: 'Perlindungan Awak Kapal Perikanan', container: 'Jurnal Kelautan', volume: 'IV' },
  },
  {
    what: 'a year shortened after an apostrophe belongs to the proceedings name',
    raw: 'A. Lind and B. Ochoa. Routing supply ships. In Proceedings OceanComp \'98, Nov. 1998.',
    expect: { container: "Proceedings OceanComp '98" },
  },
  {
    what: 'a bracketed name ending in a year stays whole',
    raw: 'R. Tan, “Drift models for lifeboats,” in Proceedings of the 9th Meeting of the Society of Naval Surveyors (NAVSURV 2012), Busan, September 2012, pp. 77–85.',
    expect: { container: 'Proceedings of the 9th Meeting of the Society of Naval Surveyors (NAVSURV 2012)' },
  },
  {
    what: 'a DOI\'s leftovers are no part of the container',
    raw: 'Arroyo, P. 2015. Seasonal labour flows in the Andes. Mountain Res doi: mr.22.1 10.5555/mr.22.1.',
    expect: { container: 'Mountain Res' },
  },
  {
    what: 'a single-word law reporter before a bracketed year',
    raw: '4 Hallett 17 (1871)',
    expect: { volume: '4', container: 'Hallett', pages: '17' },
  },
  {
    what: 'a date bracket after a title-first entry is not the container',
    raw: 'Harbour pilots honoured in Genoa. (2003, May). Port Gazette, 17(2), p. 9.',
    expect: { title: 'Harbour pilots honoured in Genoa', container: 'Port Gazette', volume: '17', issue: '2' },
  },
  {
    what: 'a nickname in brackets after the author',
    raw: 'Moreno, Alicia (Lichi). Salt Roads: Labour, Debt, and the Coast of Chile. Santiago: Editorial Costa, 2009.',
    expect: { authors: ['Moreno, Alicia'], title: 'Salt Roads: Labour, Debt, and the Coast of Chile', place: 'Santiago' },
  },
  {
    what: 'an editor mark after the author',
    raw: 'Vidal, Rosa (ed.), Harbours and Strangers: Essays on Port Cities, Valparaíso: Puerto Press, 2017.',
    expect: { authors: ['Vidal, Rosa'], title: 'Harbours and Strangers: Essays on Port Cities' },
  },
  {
    what: 'a quoted nickname before a quoted title',
    raw: 'Cole, James “Skip”. “Memoir of a Dock Worker.” In Voices of the Port, edited by Ann Lee, 10-22. Boston: Pier Books, 2001.',
    expect: { authors: ['Cole, James'], title: 'Memoir of a Dock Worker', container: 'Voices of the Port' },
  },
  {
    what: 'a Vancouver list whose last name runs into a title word joined by "and" to a lower-case word',
    raw: 'Lind KA, Osei B, Park CJ. Screening and treatment of seafarers with hepatitis: a cohort. Int Marit Health 2008; 59: 12-19.',
    expect: { authors: ['Lind, KA', 'Osei, B', 'Park, CJ.'], title: 'Screening and treatment of seafarers with hepatitis: a cohort' },
  },
  {
    what: 'a Vancouver name opening with particles',
    raw: 'Berg T, van den Heuvel JP, de Wit A. Fatigue among seafarers. Occup Med 2010; 60:100-104.',
    expect: { authors: ['Berg, T', 'van den Heuvel, JP', 'de Wit, A.'], title: 'Fatigue among seafarers' },
  },
  {
    what: 'capital initials "E.A." are no "e.a." (et al.)',
    raw: 'Silva P., Donati E.A., Kim H., 2016. Ballast water and port health. Marine Policy 70, 1–9.',
    expect: { authors: ['Silva, P.', 'Donati, E.A.', 'Kim, H.'], title: 'Ballast water and port health', container: 'Marine Policy' },
  },
  {
    what: 'a body as author before the year in APA style',
    raw: 'Ministry of Maritime Affairs, Coast Guard Service. (2004). Rescue coordination manual. Lisbon: Ministry of Maritime Affairs.',
    expect: { authors: ['Ministry of Maritime Affairs, Coast Guard Service'], year: '2004', title: 'Rescue coordination manual' },
  },
  {
    what: 'an Indonesian body as author before the year',
    raw: 'Badan Pelindungan Pekerja Migran Indonesia. 2021. Data Penempatan dan Pelindungan PMI Tahun 2020. Jakarta: BP2MI.',
    expect: { authors: ['Badan Pelindungan Pekerja Migran Indonesia'], year: '2021', title: 'Data Penempatan dan Pelindungan PMI Tahun 2020' },
  },
  {
    what: 'a numbered part after the title',
    raw: 'Karin Holm. Tidal models of the Baltic. II. Ocean Dynamics, 51(2):33–48, 2001.',
    expect: { title: 'Tidal models of the Baltic. II.', container: 'Ocean Dynamics' },
  },
  {
    what: 'a span of years at the end of a book title',
    raw: 'Ortiz, Elena. Harbour and Hinterland in Colonial Peru: Callao, 1600–1750. Lima: Fondo Editorial, 1998.',
    expect: { title: 'Harbour and Hinterland in Colonial Peru: Callao, 1600–1750', place: 'Lima' },
  },
  {
    what: 'an edition statement after the title',
    raw: 'Maria Fenn (2004). Law of the Sea: An Introduction (3rd edition). Oxford: Clarendon.',
    expect: { title: 'Law of the Sea: An Introduction' },
  },
  {
    what: 'a month before the year in the date bracket after the authors',
    raw: 'Okafor, Ben A.; Lind, Mara (March 2012). "Shipping registers and flags of convenience". Maritime Policy Notes 7 (3). doi:10.5555/mpn.7.3',
    expect: { year: '2012', title: 'Shipping registers and flags of convenience', container: 'Maritime Policy Notes', volume: '7', issue: '3' },
  },
  {
    what: 'a journal name with a colon is no "Place: Publisher" imprint',
    raw: "Hale, Rita. 2010. 'Seafarers online.' The Port Record: The Quarterly Journal for Harbour Masters, 12(2): 40-51.",
    expect: { title: 'Seafarers online', container: 'The Port Record: The Quarterly Journal for Harbour Masters', place: null },
  },
  {
    what: 'natural-order names with a middle initial after an inverted first name',
    raw: 'Susanto, Budi, Rina K Lestari, “Pelaut Migran di Kapal Asing”, Jurnal Bahari, Vol. II, Mei 2015',
    expect: { authors: ['Susanto, Budi', 'Lestari, Rina K'], title: 'Pelaut Migran di Kapal Asing', container: 'Jurnal Bahari', volume: 'II' },
  },
  {
    what: 'a Vancouver list joined by "et", then a title with a name particle in it',
    raw: 'MOREL A., DUPIN C. et LEROY P., Ports de Marseille, Lyon, 2011.',
    expect: { authors: ['MOREL, A.', 'DUPIN, C.', 'LEROY, P.'], title: 'Ports de Marseille' },
  },
  {
    what: 'a title that is only a chapter number, going on with the chapter name',
    raw: 'Reyes, M. (2003). Chapter 7. Labour migration and remittances. In P. Ode (Ed.), Handbook of migration economics (pp. 201–240). London: Harbour.',
    expect: { title: 'Chapter 7. Labour migration and remittances', container: 'Handbook of migration economics' },
  },
  {
    what: 'a question with its subtitle before an "In" container',
    raw: 'Tan, R. and Ode, P. (1998). Refuge or Return? Seafarers stranded in foreign ports. In Hale, M., editor, Studies in Maritime Labour, pages 5-19. Kiel.',
    expect: { title: 'Refuge or Return? Seafarers stranded in foreign ports', container: 'Studies in Maritime Labour' },
  },
  {
    what: 'a journal with its numbers and no author or title',
    raw: 'Marine Policy 61 (2015) 110–118',
    expect: { authors: [], title: null, container: 'Marine Policy', volume: '61', pages: '110–118', year: '2015' },
  },
  {
    what: 'a date bracket closing a title',
    raw: '[3] K. Moll, et al. Coastal Management Review (2010), doi: 10.5555/cmr.2010.',
    expect: { title: 'Coastal Management Review' },
  },
  {
    what: 'editors joined by a dash and a "Place Year" imprint after the container',
    raw: 'L. Berti, ‘Sailors’ songs and the sea’, in A.B. Costa – C.D. Ferri (edd.), Songs of the Harbour, Genova 1984, pp. 12-30.',
    expect: { title: 'Sailors’ songs and the sea', container: 'Songs of the Harbour' },
  },
  {
    what: 'a title ended by ": in" and its editors',
    raw: 'Ruiz, A.B. and Kole, C.D., 1990. Salt marsh sediments of the Tagus: in Lima E.F., Soto, G., (Eds), Estuaries of Iberia, Lisboa, pp 10-31.',
    expect: { title: 'Salt marsh sediments of the Tagus', container: 'Estuaries of Iberia' },
  },
  {
    what: 'a volume block closing a title that has no container',
    raw: 'P. Lind, R. Ode, Bounds on tidal mixing in narrow straits 12 (3) 301-320. arXiv:1101.0001',
    expect: { title: 'Bounds on tidal mixing in narrow straits' },
  },
  {
    what: 'a law-review citation: volume, journal, first page, pinpoint and year (Bluebook)',
    raw: 'Maria Lind, Rethinking the Harbour Detention, 88 OCEAN L. REV. 401, 410 n.12 (2019).',
    expect: { title: 'Rethinking the Harbour Detention', container: 'OCEAN L. REV.', volume: '88', pages: '401', year: '2019' },
  },
  {
    what: 'a book\'s imprint in brackets: place and publisher, no container',
    raw: 'Ana Ruiz, Ports of Refuge (Lisbon: Tagus Press, 2004) at 232.',
    expect: { title: 'Ports of Refuge', container: null, place: 'Lisbon', publisher: 'Tagus Press', year: '2004' },
  },
  {
    what: 'a book cited at pages before its date bracket (Bluebook)',
    raw: 'ANA RUIZ, THE RIGHTS OF SEAFARERS IN HARBOUR STATES 41–56 (2022).',
    expect: { authors: ['RUIZ, ANA'], title: 'THE RIGHTS OF SEAFARERS IN HARBOUR STATES', pages: '41–56', year: '2022' },
  },
  {
    what: 'a bracketed court and date is no name the year belongs to',
    raw: 'Ruiz v. Lind, 12 F.4th 100 (9th Cir. 2021).',
    expect: { title: 'Ruiz v. Lind', container: 'F.4th', volume: '12', pages: '100', year: '2021' },
  },
];

describe('parseReferenceByRules', () => {
  for (const c of cases) {
    it(`reads ${c.what}`, () => {
      const ref = parseReferenceByRules(c.raw);
      for (const [field, value] of Object.entries(c.expect)) expect({ field, value: ref[field as keyof typeof ref] }).toEqual({ field, value });
    });
  }
});

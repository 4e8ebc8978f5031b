/**
 * Notes that are not citations of works, and notes that cite instruments: a Markdown document with
 * footnotes goes through the real stages, the instruments annotator and the citations annotator.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/document.js';
import { Report } from '../../../src/message.js';
import { instrumentsAnnotator } from '../../../src/annotate/instruments/instruments-annotator.js';
import { citationsAnnotator, type ReferenceData } from '../../../src/annotate/citations/citations-annotator.js';
import { citationsOptions } from '../../../src/annotate/citations/options.js';
import { isAuthorNote } from '../../../src/annotate/citations/is-author-note.js';
import { documentFromBytes, REGISTRY_DIR } from '../instruments/build-document.js';

const instruments = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir: REGISTRY_DIR });
const citations = citationsAnnotator.create(citationsOptions.parse({}));

async function annotate(notes: readonly string[]) {
  const text = ['Teks artikel.' + notes.map((_, i) => `[^${i + 1}]`).join(' '), '', ...notes.map((n, i) => `[^${i + 1}]: ${n}`), ''].join('\n');
  const doc = await documentFromBytes('case.md', new TextEncoder().encode(text));
  const report = new Report('case');
  const withMentions = { ...doc, annotations: [...instruments(doc, report)] };
  return { annotations: citations(withMentions, report) as Annotation<ReferenceData>[], report };
}

describe('author, affiliation and funding notes', () => {
  it.each([
    'Penulis korespondensi: nama.penulis@contoh.ac.id. Artikel ini merupakan bagian dari penelitian tahun 2023.',
    'Corresponding author: j.doe@example.edu. Faculty of Law, Example University, 2022.',
    'This research was funded by the Example Foundation (grant 2021-17).',
    'Dosen Fakultas Hukum Universitas Contoh; surel: dosen@contoh.ac.id',
  ])('"%s" is an author note', (note) => expect(isAuthorNote(note)).toBe(true));

  it.each([
    'Santoso, B. A. (2019). Perlindungan Hukum. Jurnal Hukum, 1(2): 3. https://doi.org/10.1234/x.1',
    'Penulis lain berpendapat sebaliknya; lihat Hadi (2005).',
  ])('"%s" is not', (note) => expect(isAuthorNote(note)).toBe(false));

  it('keeps a corresponding-author note as a note, and Ibid. after it points to the last cited work', async () => {
    const { annotations } = await annotate([
      'Penulis korespondensi: nama.penulis@contoh.ac.id. Artikel ini merupakan bagian dari penelitian tahun 2023.',
      'Sekar Ayu Rahardjo, "Pekerja Rumah Tangga Migran," Jurnal Hukum dan Gender 11, no. 1 (2022): 1-26.',
      'Ibid., Principle 17',
    ]);
    expect(annotations.map((a) => [a.kind, a.rule, a.data.noteNumber])).toEqual([
      ['note', 'author-note', 1],
      ['reference', 'footnote', 2],
      ['reference', 'back-reference', 3],
    ]);
    expect([annotations[2].data.authors, annotations[2].data.pinpoint, annotations[2].data.unresolved, annotations[2].data.backReference?.refersTo]).toEqual([[], 'Principle 17', null, 2]);
  });
});

describe('treaty and statute citations in notes', () => {
  it('reads each as its instrument: full title, no author, its date, series and pinpoint', async () => {
    const { annotations } = await annotate([
      'Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment art. 3, Dec. 10, 1984, 1465 U.N.T.S. 85.',
      'Pasal 8 dan Pasal 71 UU No. 39 Tahun 1999 tentang Hak Asasi Manusia.',
      'UU No. 5 Tahun 1998 tentang Pengesahan Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment.',
      'ILO, Domestic Workers Convention, 2011 (No. 189), Articles 7, 9 and 10.',
      'Guiding Principles on Business and Human Rights, UN Doc. A/HRC/17/31 (2011), Principles 15-22.',
      'Amelia Hart, The Convention Against Torture in Asia, 12 ASIAN J. INT\'L L. 45 (2015).',
    ]);
    const got = annotations.map((a) => ({ rule: a.rule, authors: a.data.authors, year: a.data.year, title: a.data.title, container: a.data.container, volume: a.data.volume, pages: a.data.pages, pinpoint: a.data.pinpoint }));
    expect(got.slice(0, 5)).toEqual([
      { rule: 'instrument', authors: [], year: '1984', title: 'Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment', container: 'U.N.T.S.', volume: '1465', pages: '85', pinpoint: 'art. 3' },
      { rule: 'instrument', authors: [], year: '1999', title: 'UU No. 39 Tahun 1999 tentang Hak Asasi Manusia', container: null, volume: null, pages: null, pinpoint: 'Pasal 8 dan Pasal 71' },
      { rule: 'instrument', authors: [], year: '1998', title: 'UU No. 5 Tahun 1998 tentang Pengesahan Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment', container: null, volume: null, pages: null, pinpoint: null },
      { rule: 'instrument', authors: [], year: '2011', title: 'Domestic Workers Convention, 2011', container: null, volume: null, pages: null, pinpoint: 'Articles 7, 9 and 10' },
      { rule: 'instrument', authors: [], year: '2011', title: 'Guiding Principles on Business and Human Rights', container: null, volume: null, pages: null, pinpoint: 'Principles 15-22' },
    ]);
    // An article about a treaty is still an article by its author.
    expect([got[5].rule, got[5].authors, got[5].title]).toEqual(['footnote', ['Hart, Amelia'], 'The Convention Against Torture in Asia']);
  });
});

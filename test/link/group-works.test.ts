import { describe, expect, it } from 'vitest';
import { groupWorks, type ReferenceRecord } from '../../src/link/group-works.js';

let id = 0;
const ref = (document: number, fields: Partial<ReferenceRecord>): ReferenceRecord => ({
  annotation: ++id, document, noteNumber: id, refIndex: 0, authors: [], year: null, title: null, doi: null, container: null, backTo: null, ...fields,
});

describe('references across the corpus are grouped into works', () => {
  const ruggie = ref(1, { authors: ['Ruggie, J. G.'], year: '2013', title: 'Just Business: Multinational Corporations and Human Rights' });
  const rugie = ref(2, { authors: ['Rugie, John Gerard'], year: '2013', title: 'Just business: multinational corporations and human rights' });
  const doiA = ref(1, { authors: ['Martin, S.'], year: '2009', title: 'Migrant Rights', doi: '10.1111/j.1468-2435.2009.00566.x' });
  const doiB = ref(3, { authors: ['Martin, Susan'], year: '2009', title: 'Migrant rights: international law and national action', doi: '10.1111/J.1468-2435.2009.00566.X' });
  const other = ref(3, { authors: ['Ruggie, J. G.'], year: '2008', title: 'Protect, Respect and Remedy' });
  const ibid = ref(2, { backTo: { noteNumber: rugie.noteNumber!, refIndex: 0 } });
  const works = groupWorks([ruggie, rugie, doiA, doiB, other, ibid]);
  const workOf = (r: ReferenceRecord) => works.find((w) => w.members.includes(r.annotation))!;

  it('joins small spelling differences of author and title', () => {
    expect(workOf(ruggie).workId).toBe(workOf(rugie).workId);
  });

  it('joins by DOI whatever its case', () => {
    expect(workOf(doiA).workId).toBe(workOf(doiB).workId);
    expect(workOf(doiA).doi).toBe('10.1111/j.1468-2435.2009.00566.x');
  });

  it('keeps another work of the same author apart', () => {
    expect(workOf(other).workId).not.toBe(workOf(ruggie).workId);
  });

  it('counts a back-reference as a citation of the work it repeats', () => {
    expect(workOf(ibid).workId).toBe(workOf(rugie).workId);
    expect(workOf(ruggie).members).toHaveLength(3);
  });

  it('derives stable ids from content, not from order', () => {
    const again = groupWorks([other, ibid, doiB, rugie, doiA, ruggie]);
    expect(again.map((w) => w.workId).sort()).toEqual(works.map((w) => w.workId).sort());
  });
});

describe('a work cited across thousands of documents', () => {
  // The same spelling in 3,000 documents, a misspelt one after them, and another work in the same block.
  const same = Array.from({ length: 3000 }, (_, i) => ref(10 + i, { authors: ['Hathaway, James C.'], year: '2005', title: 'The Rights of Refugees under International Law' }));
  const misspelt = ref(5000, { authors: ['Hathway, James'], year: '2005', title: 'The rights of refugees under international law' });
  const apart = ref(5001, { authors: ['Hathaway, James C.'], year: '2005', title: 'Refugee Status and the Law of Asylum' });
  const works = groupWorks([...same, misspelt, apart]);

  it('is one work holding every citation, the misspelt one included', () => {
    const work = works.find((w) => w.members.includes(same[0].annotation))!;
    expect(work.members).toHaveLength(3001);
    expect(work.members).toContain(misspelt.annotation);
    expect(work.documents).toBe(3001);
  });

  it('keeps the same author\'s other work of that year apart', () => {
    expect(works).toHaveLength(2);
    expect(works.find((w) => w.members.includes(apart.annotation))!.members).toEqual([apart.annotation]);
  });
});

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

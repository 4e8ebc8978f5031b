import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNoteCitations } from '../../../src/annotate/citations/resolve-note-citations.js';
import { findBackReference } from '../../../src/annotate/citations/find-back-reference.js';
import { sharedDir } from '../../helpers/temp-dir.js';

describe('findBackReference', () => {
  const table: [string, string | null, string[], string | null][] = [
    ['Ibid.', 'ibid', [], null],
    ['Ibid., p. 12.', 'ibid', [], '12'],
    ['Ibid. Santoso. hlm 9.', 'ibid', ['Santoso'], '9'],
    ['Ibid. Santoso, B. A.', 'ibid', ['Santoso'], null],
    ['Op. cit.', 'opcit', [], null],
    ['Opcit.', 'opcit', [], null],
    ['Santoso, op.cit., hlm. 4.', 'opcit', ['Santoso'], '4'],
    ['Loc. cit.', 'loccit', [], null],
    ['Whitman, supra note 3, at 14.', 'supra', ['Whitman'], '14'],
    ['Id. at 7.', 'id', [], '7'],
    // A pinpoint word after the form is the pinpoint, never an author.
    ['Ibid., Principle 17', 'ibid', [], 'Principle 17'],
    ['Ibid., Pasal 5 ayat (1).', 'ibid', [], 'Pasal 5 ayat (1)'],
    ['Ibid., Art. 33(1).', 'ibid', [], 'Art. 33(1)'],
    ['Id. para. 12.', 'id', [], 'para. 12'],
    ['Ibid., Rule 3', 'ibid', [], 'Rule 3'],
    ['Santoso, B. A. (2019). Perlindungan Hukum. Jurnal Hukum, 1(2): 3.', null, [], null],
    ['The idea is developed further in chapter two.', null, [], null],
  ];
  for (const [text, type, authors, page] of table) {
    it(text, () => {
      const found = findBackReference(text);
      if (type === null) expect(found).toBeNull();
      else expect(found && { type: found.type, authors: found.authors, page: found.page }).toEqual({ type, authors, page });
    });
  }
  it('reads the note number of "supra note n"', () => {
    expect(findBackReference('Whitman, supra note 3, at 14.')?.noteNumber).toBe(3);
  });
});

describe('resolveNoteCitations', () => {
  const notes = [
    { number: 1, text: 'Santoso, B. A. (2019). Perlindungan Hukum Pekerja Migran. Jurnal Hukum, 12(3): 45.' },
    { number: 2, text: 'Whitman, L. (2011). Borders of Duty. Cambridge: Lantern Press; Okafor, T. (2016). Sea Rescue. Ocean Law Review, 31(2): 101.' },
    { number: 3, text: 'Ibid.' },
    { number: 4, text: 'This point is contested, as the next section shows.' },
    { number: 5, text: 'Ibid. Santosa. hlm 50.' },
    { number: 6, text: 'Op. cit.' },
    { number: 7, text: 'Whitman, op. cit., p. 9.' },
  ];
  const out = resolveNoteCitations(notes);
  const at = (n: number, i = 0) => out.find((c) => c.noteNumber === n && c.refIndex === i)!;

  it('splits a note citing two works into two references with their own spans', () => {
    expect(out.filter((c) => c.noteNumber === 2).map((c) => notes[1].text.slice(c.start, c.end))).toEqual([
      'Whitman, L. (2011). Borders of Duty. Cambridge: Lantern Press',
      'Okafor, T. (2016). Sea Rescue. Ocean Law Review, 31(2): 101.',
    ]);
  });
  it('keeps commentary as a note without a work', () => {
    expect(at(4).kind).toBe('note');
  });
  it('resolves a bare Ibid. after a two-work note to the last work, flagged as ambiguous', () => {
    expect(at(3).backReference).toEqual({ type: 'ibid', refersTo: 2, refIndex: 1 });
    expect(at(3).unresolved).toMatch(/ambiguous/);
  });
  it('resolves "Ibid. <author>" to that author\'s earlier note, tolerating a misspelling', () => {
    expect(at(5).backReference).toEqual({ type: 'ibid', refersTo: 1, refIndex: 0 });
    expect(at(5).unresolved).toBeNull();
    expect(at(5).parsed.pinpoint).toBe('50');
  });
  it('flags an op. cit. naming no author, pointing tentatively at the latest work', () => {
    expect(at(6).unresolved).toMatch(/names no author/);
    expect(at(6).backReference?.type).toBe('opcit');
  });
  it('resolves "<author>, op. cit." by the author', () => {
    expect(at(7).backReference).toEqual({ type: 'opcit', refersTo: 2, refIndex: 0 });
  });
});

describe('the footnotes of the gold article', () => {
  const gold = JSON.parse(readFileSync(path.join(sharedDir, 'gold/000_a8b5b348252ec0f7.gold.json'), 'utf8'));
  const out = resolveNoteCitations(gold.footnotes.map((f: { number: number; text: string }) => ({ number: f.number, text: f.text })));

  it('resolves every back-reference to the gold target and flags the author-less Opcit.', () => {
    for (const g of gold.footnotes.filter((f: { back_reference: unknown }) => f.back_reference)) {
      const c = out.find((r) => r.noteNumber === g.number)!;
      expect({ note: g.number, type: c.backReference?.type, to: c.backReference?.refersTo }).toEqual({ note: g.number, type: g.back_reference.type, to: g.back_reference.refers_to });
      expect({ note: g.number, flagged: !!c.unresolved }).toEqual({ note: g.number, flagged: g.authors.length === 0 && g.back_reference.type === 'opcit' });
    }
  });
  it('gets every DOI exactly', () => {
    for (const g of gold.footnotes) {
      const c = out.find((r) => r.noteNumber === g.number)!;
      expect({ note: g.number, doi: c.parsed.doi }).toEqual({ note: g.number, doi: g.doi });
    }
  });
  it('finds one reference per note', () => {
    expect(out.map((c) => c.noteNumber)).toEqual(gold.footnotes.map((f: { number: number }) => f.number));
    expect(out.every((c) => c.kind === 'reference')).toBe(true);
  });
});

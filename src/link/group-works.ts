/**
 * Groups the references of the whole corpus into works: by DOI, else by `sameWork` (first author,
 * year, title; tolerant of small misspellings such as "Rugie"/"Ruggie"). Candidates are blocked by
 * year and the first letters of the first author's family name, and a reference whose comparison
 * fields equal an earlier one's joins it without comparisons, so grouping stays near-linear on a
 * corpus of hundreds of thousands of references (a work cited by thousands of documents costs one
 * comparison per distinct spelling, not one per citation pair). Back-references join the work of the note they
 * repeat. Work ids are derived from the group's smallest work key, so they are stable across runs.
 */
import { createHash } from 'node:crypto';
import { familyOf, sameWork, workKey, type WorkFields } from '../annotate/citations/same-work.js';

export interface ReferenceRecord extends WorkFields {
  readonly annotation: number;
  readonly document: number;
  readonly noteNumber: number | null;
  readonly refIndex: number;
  readonly container: string | null;
  readonly backTo: { readonly noteNumber: number; readonly refIndex: number } | null;
}

export interface Work extends WorkFields {
  readonly workId: string;
  readonly container: string | null;
  readonly members: number[];
  readonly documents: number;
}

function completeness(r: ReferenceRecord): number {
  return (r.doi ? 4 : 0) + (r.title ? 2 : 0) + (r.container ? 1 : 0) + r.authors.length * 0.1;
}

export function groupWorks(references: readonly ReferenceRecord[]): Work[] {
  const primary = references.filter((r) => !r.backTo && (r.title || r.doi));
  const parent = primary.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byDoi = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  // Everything `sameWork` reads (DOI presence, year, first family name, title words), so two references
  // with one key compare alike to every other and the first of them can stand for both.
  const representative = new Map<string, number>();
  primary.forEach((r, i) => {
    const exact = `${r.doi ? r.doi.toLowerCase() : ''}\u0000${r.year ?? ''}\u0000${workKey({ ...r, doi: null })}`;
    const same = representative.get(exact);
    if (same !== undefined) {
      union(same, i);
      return;
    }
    representative.set(exact, i);
    if (r.doi) {
      const doi = r.doi.toLowerCase();
      const seen = byDoi.get(doi);
      if (seen === undefined) byDoi.set(doi, i);
      else union(seen, i);
    }
    const family = r.authors.length ? familyOf(r.authors[0]) : '';
    const block = `${r.year ?? ''}|${family.slice(0, 2)}`;
    const members = blocks.get(block);
    if (members) {
      for (const j of members) if (find(j) !== find(i) && !(r.doi && primary[j].doi) && sameWork(primary[j], r)) union(j, i);
      members.push(i);
    } else blocks.set(block, [i]);
  });

  const groups = new Map<number, number[]>();
  primary.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const works: Work[] = [];
  const workOfNote = new Map<string, number>(); // `${document}:${note}:${refIndex}` → index into works
  for (const members of groups.values()) {
    const refs = members.map((i) => primary[i]);
    const best = refs.reduce((a, b) => (completeness(b) > completeness(a) ? b : a));
    const key = refs.map((r) => workKey(r)).sort()[0];
    const index = works.length;
    for (const r of refs) if (r.noteNumber !== null) workOfNote.set(`${r.document}:${r.noteNumber}:${r.refIndex}`, index);
    works.push({
      workId: 'w' + createHash('sha1').update(key).digest('hex').slice(0, 12),
      authors: best.authors, year: best.year, title: best.title, container: best.container, doi: best.doi,
      members: refs.map((r) => r.annotation), documents: new Set(refs.map((r) => r.document)).size,
    });
  }
  // A back-reference cites the work of the note it repeats (resolved within its own document).
  const extraDocs = new Map<number, Set<number>>();
  for (const r of references) {
    if (!r.backTo) continue;
    const index = workOfNote.get(`${r.document}:${r.backTo.noteNumber}:${r.backTo.refIndex}`);
    if (index === undefined) continue;
    works[index].members.push(r.annotation);
    (extraDocs.get(index) ?? extraDocs.set(index, new Set()).get(index)!).add(r.document);
  }
  return works;
}

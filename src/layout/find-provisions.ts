/**
 * Statute structure from the laid-out body: headings that open a paragraph ("BAB II", "Bagian
 * Kedua", "Paragraf 3", "Pasal 28D", "PENJELASAN"; "Chapter II", "Part 1", "Article 5", "Section 3")
 * and the numbered units inside an article ("(1)" ayat / paragraph, "a." huruf). Each provision
 * governs from its heading to the next heading of the same or a higher level (or the body's end) and
 * carries its full label ("Pasal 28D ayat (1) huruf a", "Penjelasan Pasal 5", "Article 5 paragraph 1"),
 * so a later stage can name the provision a sentence belongs to.
 * Only a document with at least two article headings is read as a statute.
 */
import type { Provision, ProvisionKind } from '../document.js';
import type { Span } from '../span.js';
import { alternation, type LayoutVocabulary } from './layout-vocabulary.js';

const LEVEL: Record<ProvisionKind, number> = {
  penjelasan: 0,
  bab: 1,
  chapter: 1,
  part: 1,
  bagian: 2,
  paragraf: 3,
  pasal: 4,
  article: 4,
  section: 4,
  ayat: 5,
  paragraph: 5,
  huruf: 6,
};

interface Heading {
  readonly kind: ProvisionKind;
  readonly label: string;
  readonly start: number;
}

export function findProvisions(text: string, paragraphs: readonly Span[], vocabulary: LayoutVocabulary): Provision[] {
  const v = vocabulary.provisions;
  const word = (list: readonly string[]) => alternation(list);
  const patterns: [ProvisionKind, RegExp][] = [
    ['penjelasan', new RegExp(`^(?:${word(v.penjelasan)})(?=\\s|$)`)],
    ['bab', new RegExp(`^(?:${word(v.bab)}) ([IVXLC]{1,7}|\\d{1,3})(?=\\s|$)`)],
    ['chapter', new RegExp(`^(?:${word(v.chapter)}) ([IVXLC]{1,7}|\\d{1,3})(?=[\\s.:]|$)`)],
    ['part', new RegExp(`^(?:${word(v.part)}) ([IVXLC]{1,7}|\\d{1,3})(?=[\\s.:]|$)`)],
    ['bagian', new RegExp(`^(?:${word(v.bagian)}) (${word(vocabulary.ordinals)})(?=\\s|$)`)],
    ['paragraf', new RegExp(`^(?:${word(v.paragraf)}) (\\d{1,3})(?=\\s|$)`)],
    ['pasal', new RegExp(`^(?:${word(v.pasal)}) (\\d{1,4}[A-Z]?)(?=$|\\s+(?:\\(\\d|\\p{Lu}))`, 'u')],
    ['article', new RegExp(`^(?:${word(v.article)}) (\\d{1,4}[a-z]?|[IVXLC]{1,7})(?=$|[\\s.:])`)],
    ['section', new RegExp(`^(?:${word(v.section)}) (\\d{1,4}[a-z]?)(?=$|[\\s.:])`)],
  ];
  const headings: Heading[] = [];
  let article: string | null = null;
  let articleKind: ProvisionKind = 'pasal';
  let ayat: string | null = null;
  let inExplanation = false;
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    let matched = false;
    for (const [kind, re] of patterns) {
      const m = re.exec(para);
      if (!m) continue;
      matched = true;
      if (kind === 'penjelasan') {
        // "PENJELASAN ATAS UNDANG-UNDANG …" opens the explanation part; a sentence "Penjelasan …" does not.
        if (para.length > 200 && !/^[\p{Lu}\s]+$/u.test(para.slice(0, 40))) {
          matched = false;
          continue;
        }
        inExplanation = true;
        article = null;
        headings.push({ kind, label: 'Penjelasan', start: p.start });
      } else if (kind === 'pasal' || kind === 'article' || kind === 'section') {
        const name = kind === 'pasal' ? 'Pasal' : kind === 'article' ? 'Article' : 'Section';
        article = `${inExplanation ? 'Penjelasan ' : ''}${name} ${m[1]}`;
        articleKind = kind;
        ayat = null;
        headings.push({ kind, label: article, start: p.start });
      } else {
        article = null;
        const label = `${m[0].split(' ')[0]} ${m[1]}`;
        headings.push({ kind, label: inExplanation ? `Penjelasan ${label}` : label, start: p.start });
      }
      break;
    }
    if (matched || !article) continue;
    // Units inside an article: "(1) …" and "a. …" at a paragraph start (or right after the heading).
    const unit = /^\((\d{1,3}[a-z]?)\)\s/.exec(para);
    if (unit) {
      ayat = unit[1];
      const kind: ProvisionKind = articleKind === 'pasal' ? 'ayat' : 'paragraph';
      headings.push({ kind, label: `${article} ${kind === 'ayat' ? 'ayat' : 'paragraph'} (${ayat})`, start: p.start });
      continue;
    }
    const letter = /^([a-z])\.\s/.exec(para);
    if (letter && articleKind === 'pasal') {
      headings.push({ kind: 'huruf', label: `${article}${ayat ? ` ayat (${ayat})` : ''} huruf ${letter[1]}`, start: p.start });
    }
  }
  if (headings.filter((h) => LEVEL[h.kind] === 4).length < 2) return [];
  const bodyEnd = paragraphs.length ? paragraphs[paragraphs.length - 1].end : 0;
  return headings.map((h, i) => {
    let end = bodyEnd;
    for (let j = i + 1; j < headings.length; j++) {
      if (LEVEL[headings[j].kind] <= LEVEL[h.kind]) {
        end = previousEnd(paragraphs, headings[j].start);
        break;
      }
    }
    return { kind: h.kind, label: h.label, start: h.start, end: Math.max(h.start, end) };
  });
}

/** The end of the last paragraph before `start` (provisions do not cover the "\n\n" between them). */
function previousEnd(paragraphs: readonly Span[], start: number): number {
  let end = start;
  for (const p of paragraphs) {
    if (p.start >= start) break;
    end = p.end;
  }
  return end;
}

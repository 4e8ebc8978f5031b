/**
 * Writes the content of one planned document as a CorpusSource (scripts/corpus-source.ts): a journal
 * article (masthead, title block, abstract, keywords, numbered sections and subsections, paragraphs
 * with footnote markers, lists, block quotes, sometimes a two-column section, a bibliography, running
 * headers and journal page numbers) or an Indonesian statute (preamble, Menimbang/Mengingat, BAB and
 * Pasal with ayat, closing, Penjelasan). Every word comes from the templates; the size is about
 * `budget` characters of text and notes. Deterministic: the same plan, templates and budget give the
 * same source.
 *
 * Each document draws a small set of instruments and statutes to write about, so that a document
 * has a subject (the same few instruments recur in it, as in real scholarship) and documents differ.
 */
import type { Block, CorpusSourceInput } from '../../scripts/corpus-source.js';
import { fillTemplate, type Vocabulary } from './fill-template.js';
import type { Language, LanguageTemplates, Templates } from './load-templates.js';
import type { DocumentPlan } from './plan-document.js';
import type { Random } from './seeded-random.js';

type Fill = (template: string, context?: Readonly<Record<string, string>>) => string;

/** What a text is made of, in one place: the vocabulary with this document's subject, and a filler. */
interface Writer {
  readonly lang: Language;
  readonly t: LanguageTemplates;
  readonly random: Random;
  readonly fill: Fill;
  readonly vocabulary: Vocabulary;
  /** Sentence templates drawn last, newest at the end. */
  readonly recent: string[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

function roman(n: number): string {
  // Beyond XX (long statutes), plain digits: rare enough not to matter.
  return ROMAN[n - 1] ?? String(n);
}

function letter(n: number): string {
  return n <= 26 ? String.fromCharCode(96 + n) : `a${String.fromCharCode(96 + n - 26)}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase());
}

function surname(author: string): string {
  return author.split(' ').at(-1) ?? author;
}

function writerFor(templates: Templates, lang: Language, random: Random): Writer {
  const { shared } = templates;
  const t = templates.languages[lang];
  const instruments = random.sample(shared.instruments, random.int(3, 6));
  const statutes = random.sample(shared.statutes, random.int(2, 5));
  const form = (s: (typeof statutes)[number], key: 'id' | 'en' | 'short_id' | 'short_en') => {
    const pattern = shared.statuteForms[s.type]?.[key];
    if (!pattern) throw new Error(`shared.yaml: no statute form for type ${s.type}`);
    const subject = lang === 'id' ? s.id : s.en;
    return pattern.replace('{number}', String(s.number)).replace('{year}', String(s.year)).replace('{subject}', subject);
  };
  const short = (i: (typeof instruments)[number]) => (lang === 'id' ? i.short_id : i.short_en) ?? i[lang];
  // A sentence about (not) ratifying names an instrument of that status: this document's if it has
  // one, else any (a text about refugees still mentions the Refugee Convention as unratified).
  const withStatus = (status: 'party' | 'not-party') => {
    const own = instruments.filter((i) => i.indonesia === status);
    return (own.length ? own : shared.instruments.filter((i) => i.indonesia === status)).map((i) => i[lang]);
  };
  const treaties = instruments.filter((i) => i.indonesia !== 'not-applicable');
  const vocabulary: Vocabulary = {
    ...shared.lists,
    ...t.lists,
    instrument: instruments.map((i) => i[lang]),
    instrument_short: instruments.map(short),
    instrument_unratified: withStatus('not-party'),
    instrument_ratified: withStatus('party'),
    treaty_short: (treaties.length ? treaties : shared.instruments.filter((i) => i.indonesia !== 'not-applicable')).map(short),
    statute: statutes.map((s) => form(s, lang)),
    statute_short: statutes.map((s) => form(s, lang === 'id' ? 'short_id' : 'short_en')),
    // "28D ayat (1)" is how Indonesian cites a provision; English writes "28D(1)".
    pasal: lang === 'id' ? shared.constitutionArticles : shared.constitutionArticles.map((a) => a.replace(' ayat (', '(')),
  };
  return { lang, t, random, vocabulary, recent: [], fill: (template, context) => fillTemplate(template, vocabulary, random, context) };
}

/** Footnotes of one document: numbered in order, with Ibid. and Op. cit. only where they make sense. */
class Notes {
  readonly texts: Record<string, string> = {};
  private count = 0;
  private lastCited = false;
  private readonly cited: string[] = [];

  constructor(private readonly w: Writer) {}

  get size(): number {
    return this.count;
  }

  /** Adds the next note and returns its marker. */
  add(): string {
    const { t, random, fill } = this.w;
    let text: string;
    if (this.lastCited && random.chance(0.3)) {
      text = fill(random.pick(t.footnotes.ibid));
    } else if (this.cited.length > 0 && random.chance(0.15)) {
      text = fill(random.pick(t.footnotes.opcit), { surname: random.pick(this.cited) });
      this.lastCited = true;
    } else {
      const kind = random.pick(['book', 'book', 'journal', 'journal', 'statute', 'instrument', 'report'] as const);
      const author = fill('{author}');
      text = fill(random.pick(t.footnotes[kind]), { author });
      if (kind === 'book' || kind === 'journal') this.cited.push(surname(author));
      this.lastCited = kind !== 'report';
    }
    this.count++;
    this.texts[String(this.count)] = text;
    return `[^${this.count}]`;
  }

  chars(): number {
    return Object.values(this.texts).reduce((n, s) => n + s.length, 0);
  }
}

// Templates used in the last few sentences are not drawn again, so a paragraph does not repeat itself.
const RECENT = 12;

function sentence(w: Writer, notes: Notes | null, noteChance: number): string {
  const { random, t } = w;
  let template = random.pick(t.sentences);
  for (let tries = 0; w.recent.includes(template) && tries < 8; tries++) template = random.pick(t.sentences);
  w.recent.push(template);
  if (w.recent.length > RECENT) w.recent.shift();
  let s = capitalize(w.fill(template));
  if (random.chance(0.35) && s.endsWith('.')) s = s.slice(0, -1) + w.fill(random.pick(t.modifiers)) + '.';
  return notes && random.chance(noteChance) ? s + notes.add() : s;
}

function paragraph(w: Writer, notes: Notes | null, noteChance = 0.22): string {
  return Array.from({ length: w.random.int(3, 7) }, () => sentence(w, notes, noteChance)).join(' ');
}

function size(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if ('columns' in b) n += size(b.columns.blocks) + b.columns.title.length;
    else for (const v of Object.values(b)) if (typeof v === 'string') n += v.length;
  }
  return n;
}

/** One section's body: paragraphs, and now and then a list, a quotation or numbered subsections. */
function sectionBody(w: Writer, notes: Notes, withSubsections: boolean): Block[] {
  const { random, t, fill } = w;
  const blocks: Block[] = [];
  const paragraphs = (n: number) => {
    for (let i = 0; i < n; i++) {
      blocks.push({ p: paragraph(w, notes), indent: true });
      if (random.chance(0.08)) blocks.push({ quote: random.pick(t.quotes) });
      if (random.chance(0.07)) {
        blocks.push({ p: random.pick(t.items.intro) });
        const count = random.int(3, 5);
        for (let k = 1; k <= count; k++) {
          const label = t.items.labels === 'letters' ? `${letter(k)}.` : `${k}.`;
          blocks.push({ item: sentence(w, notes, 0.1), label });
        }
      }
    }
  };
  paragraphs(random.int(2, 4));
  if (withSubsections) {
    const subsections = random.sample(t.sections.subsections, random.int(2, 4));
    subsections.forEach((heading, i) => {
      blocks.push({ h2: `${i + 1}. ${fill(heading)}` });
      paragraphs(random.int(2, 5));
    });
  }
  return blocks;
}

function composeArticle(w: Writer, plan: DocumentPlan, budget: number): CorpusSourceInput {
  const { random, t, fill, lang } = w;
  const notes = new Notes(w);
  const title = fill(random.pick(t.titles));
  const authors = fill(t.authorsLine);
  const journal = fill('{journal}');
  const blocks: Block[] = [{ title, authors, affiliation: fill(random.pick(t.affiliation)) }];
  const abstract = () => Array.from({ length: random.int(4, 7) }, () => sentence(w, null, 0)).join(' ');
  blocks.push({ abstract: abstract(), label: t.labels.abstract });
  blocks.push({ keywords: random.pick(t.keywords), label: t.labels.keywords });

  let section = 0;
  const heading = (text: string) => {
    section++;
    const number = t.sections.numbering === 'roman' ? roman(section) : String.fromCharCode(64 + Math.min(section, 26));
    return `${number}. ${fill(text)}`;
  };
  blocks.push({ h: heading(random.pick(t.sections.intro)) }, ...sectionBody(w, notes, false));
  if (random.chance(0.6)) blocks.push({ h: heading(random.pick(t.sections.method)) }, { p: paragraph(w, notes, 0.1), indent: true });
  // One article in ten sets a section in two columns, as some journals do for their analysis.
  const columnSection = random.chance(0.1) ? random.int(0, 2) : -1;
  const closing = 2_500;
  for (let i = 0; size(blocks) + notes.chars() < budget - closing; i++) {
    const h = heading(random.pick(t.sections.body));
    // A two-column section has no subsection headings: the renderer sets only its title full width.
    if (i === columnSection) blocks.push({ columns: { title: h, blocks: sectionBody(w, notes, false) } });
    else blocks.push({ h }, ...sectionBody(w, notes, random.chance(0.5)));
  }
  blocks.push({ h: heading(random.pick(t.sections.conclusion)) });
  for (let i = random.int(1, 2); i > 0; i--) blocks.push({ p: paragraph(w, null), indent: true });
  blocks.push({ h: t.labels.references });
  const references = Array.from({ length: random.int(8, 20) }, () => fill(random.pick(t.references)));
  for (const ref of [...new Set(references)].sort()) blocks.push({ ref });

  const firstPage = random.int(1, 400);
  const shortTitle = title.length > 70 ? `${title.slice(0, title.lastIndexOf(' ', 67))} …` : title;
  const runningAuthors = authors.split(lang === 'id' ? ', ' : ' and ').map(surname).join(lang === 'id' ? ', ' : ' and ');
  return {
    file: plan.file.replace(/^.*\//, '').replace(/\.\w+$/, ''),
    lang,
    title,
    author: authors,
    masthead: random.chance(0.8) ? t.masthead.map((m) => fill(m, { journal })) : [],
    header: random.chance(0.85)
      ? { even: ['{page}', journal, ''], odd: ['', random.chance(0.5) ? shortTitle : runningAuthors, '{page}'] }
      : undefined,
    pageNumbers: { position: random.chance(0.9) ? 'bottom' : 'top-dash', first: firstPage },
    blocks,
    notes: notes.texts,
  };
}

function composeStatute(w: Writer, plan: DocumentPlan, budget: number): CorpusSourceInput {
  const { random, t, fill } = w;
  const s = t.statute;
  if (!s) throw new Error(`${w.lang}.yaml has no statute templates`);
  const number = random.int(1, 40);
  const year = random.int(1992, 2024);
  const subject = titleCase(fill('{issue_topic}'));
  const upper = subject.toUpperCase();
  const name = `Undang-Undang Nomor ${number} Tahun ${year} tentang ${subject}`;
  const ctx = { subject };
  const blocks: Block[] = [
    { center: 'UNDANG-UNDANG REPUBLIK INDONESIA', bold: true },
    { center: `NOMOR ${number} TAHUN ${year}`, bold: true },
    { center: 'TENTANG', bold: true },
    { center: upper, bold: true },
    { center: 'DENGAN RAHMAT TUHAN YANG MAHA ESA' },
    { center: 'PRESIDEN REPUBLIK INDONESIA,', bold: true },
    { p: 'Menimbang:' },
    ...s.considerations.map((c, i) => ({ item: fill(c, ctx), label: `${letter(i + 1)}.` })),
    { p: 'Mengingat:' },
    ...s.basis.map((b, i) => ({ item: fill(b, ctx), label: `${i + 1}.` })),
    { center: 'Dengan Persetujuan Bersama' },
    { center: 'DEWAN PERWAKILAN RAKYAT REPUBLIK INDONESIA', bold: true },
    { center: 'dan' },
    { center: 'PRESIDEN REPUBLIK INDONESIA', bold: true },
    { center: 'MEMUTUSKAN:', bold: true },
    { p: `Menetapkan: UNDANG-UNDANG TENTANG ${upper}.` },
    { center: 'BAB I', bold: true },
    { center: s.chapters[0], bold: true },
    { center: 'Pasal 1', bold: true },
    { p: 'Dalam Undang-Undang ini yang dimaksud dengan:' },
    ...Object.entries(s.definitions).map(([term, text], i) => ({ item: `${term} adalah ${text}.`, label: `${i + 1}.` })),
  ];
  // The explanation (Penjelasan) takes about a fifth of a statute.
  const body = budget * 0.8;
  let pasal = 1;
  let chapter = 1;
  while (size(blocks) < body) {
    if (random.chance(0.15)) {
      chapter++;
      blocks.push({ center: `BAB ${roman(chapter)}`, bold: true }, { center: s.chapters[(chapter - 1) % s.chapters.length], bold: true });
    }
    pasal++;
    blocks.push({ center: `Pasal ${pasal}`, bold: true });
    const ayat = random.chance(0.3) ? 1 : random.int(2, 5);
    if (ayat === 1) blocks.push({ p: fill(random.pick(s.provisions), ctx) });
    else for (let a = 1; a <= ayat; a++) blocks.push({ item: fill(random.pick(s.provisions), ctx), label: `(${a})` });
  }
  pasal++;
  blocks.push({ center: `Pasal ${pasal}`, bold: true }, ...s.closing.map((c) => ({ p: c })));
  blocks.push(
    { p: `Disahkan di Jakarta pada tanggal ${random.int(1, 28)} ${fill('{month}')} ${year}` },
    { center: 'PRESIDEN REPUBLIK INDONESIA,' },
    { pagebreak: true },
    { center: 'PENJELASAN', bold: true },
    { center: 'ATAS', bold: true },
    { center: `UNDANG-UNDANG REPUBLIK INDONESIA NOMOR ${number} TAHUN ${year}`, bold: true },
    { center: 'TENTANG', bold: true },
    { center: upper, bold: true },
    { h: 'I. UMUM' },
  );
  while (size(blocks) < budget * 0.9) blocks.push({ p: paragraph(w, null), indent: true });
  blocks.push({ h: 'II. PASAL DEMI PASAL' });
  for (let k = 1; k <= pasal; k++) {
    blocks.push({ p: `Pasal ${k}` }, { p: random.chance(0.7) ? 'Cukup jelas.' : sentence(w, null, 0) });
  }
  return {
    file: plan.file.replace(/^.*\//, '').replace(/\.\w+$/, ''),
    lang: 'id',
    title: name,
    author: 'Presiden Republik Indonesia',
    pageNumbers: { position: 'top-dash', first: 1 },
    blocks,
  };
}

export function composeDocument(plan: DocumentPlan, templates: Templates, random: Random, budget: number): CorpusSourceInput {
  const w = writerFor(templates, plan.lang, random);
  return plan.kind === 'statute' ? composeStatute(w, plan, budget) : composeArticle(w, plan, budget);
}

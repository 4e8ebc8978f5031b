/**
 * Layout evaluation. On the gold articles (../shared/gold): footnotes found (text similarity ≥ 0.9 to
 * the gold note), markers linked to the right note (gold marker offsets, compared in source offsets),
 * footnote text left inside the body (should be none). On the PDF of the long article (gold without
 * offsets) the same by text. On every PDF of ../shared/corpus/real: pages, footnotes, markers,
 * header/footer lines removed, columns detected.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaidOutText, RawDocument } from '../../src/document.js';
import { extractFile } from '../../src/extract/extract-file.js';
import { extractOptions } from '../../src/extract/options.js';
import { layOut } from '../../src/layout/lay-out.js';
import { layoutOptions } from '../../src/layout/options.js';
import { Report } from '../../src/message.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared');

interface GoldNote {
  number: number;
  text: string;
}
interface GoldMarker {
  number: number;
  start: number;
  end: number;
}

export async function load(file: string): Promise<{ raw: RawDocument; laid: LaidOutText; report: Report }> {
  const report = new Report(path.basename(file));
  const raw = await extractFile(file, readFileSync(file), extractOptions.parse({}), report);
  const laid = layOut(raw, layoutOptions.parse({}), report);
  return { raw, laid, report };
}

/** 1 − edit distance / longer length, on whitespace-normalized text. */
export function similarity(a: string, b: string): number {
  const x = a.replace(/\s+/g, ' ').trim();
  const y = b.replace(/\s+/g, ' ').trim();
  if (!x.length && !y.length) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

export function scoreFootnotes(laid: LaidOutText, gold: readonly GoldNote[]): { found: number; leftInBody: number; missing: number[] } {
  const body = laid.text.slice(0, laid.notesStart).replace(/\s+/g, ' ');
  let found = 0;
  let leftInBody = 0;
  const missing: number[] = [];
  for (const g of gold) {
    const note = laid.footnotes.find((f) => f.number === g.number);
    if (note && similarity(laid.text.slice(note.start, note.end), g.text) >= 0.9) found++;
    else missing.push(g.number);
    // A note's opening words inside the body mean its block was not separated.
    const probe = g.text.replace(/\s+/g, ' ').slice(0, 40);
    if (probe.length >= 12 && body.includes(probe)) leftInBody++;
  }
  return { found, leftInBody, missing };
}

export async function evaluate(): Promise<void> {
  const goldDir = path.join(shared, 'gold');
  for (const g of readdirSync(goldDir).filter((f) => /\.gold\.json$/.test(f) && !f.includes('.pdf.'))) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, g), 'utf8')) as { document: string; footnotes: GoldNote[]; markers: GoldMarker[] };
    const input = path.join(shared, 'corpus/seeds', gold.document);
    if (!existsSync(input)) continue;
    const { laid } = await load(input);
    const notes = scoreFootnotes(laid, gold.footnotes);
    const linked = gold.markers.filter((m) =>
      laid.markers.some((k) => k.linked && k.number === m.number && k.sourceStart === m.start && k.sourceEnd === m.end),
    ).length;
    const spurious = laid.markers.filter((k) => !gold.markers.some((m) => m.start === k.sourceStart)).length;
    console.log(
      `${gold.document}: footnotes found ${notes.found}/${gold.footnotes.length}` +
        (notes.missing.length ? ` (missing ${notes.missing.join(',')})` : '') +
        `; markers linked ${linked}/${gold.markers.length}; spurious markers ${spurious}; footnotes left in body ${notes.leftInBody}`,
    );
  }

  const pdfGold = path.join(goldDir, '000_a8b5b348252ec0f7.pdf.gold.json');
  const pdf = path.join(shared, 'corpus/derived/000_a8b5b348252ec0f7.pdf');
  if (existsSync(pdfGold) && existsSync(pdf)) {
    const gold = JSON.parse(readFileSync(pdfGold, 'utf8')) as { footnotes: GoldNote[] };
    try {
      const { laid, raw } = await load(pdf);
      if (!hasGeometry(raw)) console.log('derived PDF: the extractor gives no line geometry yet; skipped');
      else {
        const notes = scoreFootnotes(laid, gold.footnotes);
        const markerNumbers = new Set(laid.markers.filter((m) => m.linked).map((m) => m.number));
        console.log(
          `derived PDF: footnotes found ${notes.found}/${gold.footnotes.length}` +
            (notes.missing.length ? ` (missing ${notes.missing.join(',')})` : '') +
            `; notes with a linked marker ${gold.footnotes.filter((n) => markerNumbers.has(n.number)).length}/${gold.footnotes.length}; footnotes left in body ${notes.leftInBody}`,
        );
      }
    } catch (error) {
      console.log(`derived PDF: failed: ${String(error)}`);
    }
  }

  const real = path.join(shared, 'corpus/real');
  console.log('\nreal PDFs: pages | footnotes | markers (linked) | header+footer lines removed | pages with columns');
  for (const f of readdirSync(real).filter((x) => x.endsWith('.pdf')).sort()) {
    try {
      const { laid, raw, report } = await load(path.join(real, f));
      if (!hasGeometry(raw)) {
        console.log(`${f}: no line geometry from the extractor; skipped`);
        continue;
      }
      const removed = laid.pages.reduce((s, p) => s + p.header.length + p.footer.length, 0);
      const columns = report.messages.find((m) => m.rule === 'columns')?.reason.match(/^\d+/)?.[0] ?? '0';
      console.log(
        `${f}: ${laid.pages.length} | ${laid.footnotes.length} | ${laid.markers.length} (${laid.markers.filter((m) => m.linked).length}) | ${removed} | ${columns}`,
      );
    } catch (error) {
      console.log(`${f}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function hasGeometry(raw: RawDocument): boolean {
  return raw.pages.some((p) => p.lines.some((l) => l.y !== undefined));
}


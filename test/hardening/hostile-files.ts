/**
 * Test helper: builds hostile and broken inputs byte by byte, quickly, so the hardening tests need no
 * stored fixtures. Every PDF here is written with write-pdf.ts (objects numbered from 1 in the order
 * given, cross-reference table computed), then damaged on purpose where the case calls for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { textPdfObjects, writePdf, type PdfObjectBody } from '../extract/write-pdf.js';

export const SENTENCE = 'Every migrant worker has the right to protection under the law of the State of employment.';

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** Deterministic pseudo-random numbers (mulberry32), so generated files are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words to vary page text with, so running-header detection does not take whole pages away. */
const WORDS = ['migrant', 'worker', 'protection', 'State', 'employment', 'convention', 'refugee', 'asylum', 'deportation', 'visa', 'labour', 'contract', 'recruitment', 'agency', 'court', 'remedy', 'family', 'return', 'border', 'detention'];

/**
 * A PDF of `pages` pages, each with its own short content stream (a heading with the page number and
 * three sentences that differ from page to page). 2,000 pages take well under a second to write.
 */
export function manyPagePdf(pages: number): Buffer {
  const random = seeded(pages);
  const objects: PdfObjectBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (let i = 0; i < pages; i++) {
    const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const lines = [`Section ${i + 1}`, `The ${words(6)} of the ${words(3)} is protected.`, `A ${words(8)} was heard on page ${i + 1}.`, `The ${words(5)} continues.`];
    const content = ['BT /F1 11 Tf 72 720 Td 14 TL', ...lines.map((l) => `(${escapePdf(l)}) '`), 'ET'].join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objects.push({ dict: '', stream: Buffer.from(content, 'latin1') });
  }
  return writePdf(objects);
}

/**
 * One page with `count` one-letter text items at 1-point size, each placed with its own text matrix,
 * in shuffled order (so no two consecutive items are neighbours and pdfjs cannot merge them).
 */
export function tinyItemsPdf(count: number): Buffer {
  const random = seeded(count);
  const columns = 400;
  const cells = Array.from({ length: count }, (_, i) => i);
  for (let i = cells.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [cells[i], cells[j]] = [cells[j], cells[i]];
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const ops = ['BT /F1 1 Tf'];
  for (const cell of cells) {
    const x = 6 + (cell % columns) * 1.5;
    const y = 786 - Math.floor(cell / columns) * 3;
    ops.push(`1 0 0 1 ${x.toFixed(1)} ${y} Tm (${letters[cell % 26]}) Tj`);
  }
  ops.push('ET');
  const objects = textPdfObjects([]);
  objects[3] = { dict: '/Filter /FlateDecode', stream: deflateSync(Buffer.from(ops.join('\n'), 'latin1')) };
  return writePdf(objects);
}

/** A page that is only an image (a grey 16×16 raster stretched over the page), like a scan without OCR. */
export function imageOnlyPdf(): Buffer {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '', stream: Buffer.from('q 500 0 0 700 56 46 cm /Im1 Do Q', 'latin1') },
    { dict: '/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8', stream: Buffer.alloc(256, 0x80) },
  ]);
}

/** A readable PDF whose cross-reference table points every object at the wrong offset. */
export function brokenXrefPdf(): Buffer {
  const pdf = writePdf(textPdfObjects([SENTENCE, 'The cross-reference table of this file is wrong.']));
  const text = pdf.toString('latin1');
  const xref = text.lastIndexOf('xref\n');
  const broken = text.slice(xref).replace(/^(\d{10}) 00000 n $/gm, () => '0000000003 00000 n ');
  return Buffer.from(text.slice(0, xref) + broken, 'latin1');
}

/**
 * A readable PDF whose trailers chain into a loop through /Prev: the original table's trailer points
 * to an appended update section, whose trailer points back to the original.
 */
export function prevLoopPdf(): Buffer {
  const pdf = writePdf(textPdfObjects([SENTENCE, 'The trailers of this file point at each other.']));
  let text = pdf.toString('latin1');
  const firstXref = text.lastIndexOf('xref\n');
  const placeholder = '/Prev 0000000000';
  text = text.replace('trailer\n<< ', `trailer\n<< ${placeholder} `);
  const updateXref = text.length;
  const update = `xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev ${firstXref} >>\nstartxref\n${updateXref}\n%%EOF\n`;
  text = text.replace(placeholder, `/Prev ${String(updateXref).padStart(10, '0')}`) + update;
  return Buffer.from(text, 'latin1');
}

/** The same, with a trailer whose /Prev points at its own table. */
export function selfPrevPdf(): Buffer {
  const pdf = writePdf(textPdfObjects([SENTENCE, 'The trailer of this file points at itself.']));
  const text = pdf.toString('latin1');
  const xref = text.lastIndexOf('xref\n');
  return Buffer.from(text.replace('trailer\n<< ', `trailer\n<< /Prev ${xref} `), 'latin1');
}

export const CVE_GLOBAL = '__telaahCve20244367';

/**
 * The JavaScript a pdf.js older than 4.2.67 (with eval enabled) would have compiled for one glyph of
 * the CVE-2024-4367 font: its font matrix joined into `c.transform(...)` inside `new Function`.
 */
export function vulnerableGlyphSource(fontMatrix: readonly (number | string)[]): string {
  return `c.save();\nc.transform(${fontMatrix.join(',')});\nc.restore();\n`;
}

/** The FontMatrix of the CVE font: five numbers and a string that closes the call and runs a payload. */
export function cveFontMatrix(payloadFile: string): (number | string)[] {
  const payload = `0); globalThis.${CVE_GLOBAL} = true; process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(payloadFile)}, 'code ran'`;
  return [0.001, 0, 0, 0.001, 0, payload];
}

/**
 * CVE-2024-4367: a Type1 font (a real embedded Type1 program, pdfjs's own FoxitSans.pfb, under a
 * non-standard name so pdfjs must load it) whose /FontMatrix carries a JavaScript payload as a string.
 * Vulnerable pdf.js compiled glyph outlines with `new Function` and pasted the matrix in unchecked; the
 * payload then sets `globalThis[CVE_GLOBAL]` and writes `payloadFile`.
 */
export function cveFontPdf(payloadFile: string, lines: readonly string[]): Buffer {
  const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const program = readFileSync(path.join(pdfjsRoot, 'standard_fonts', 'FoxitSerif.pfb'));
  const matrix = cveFontMatrix(payloadFile).map((v) => (typeof v === 'number' ? String(v) : `(${escapePdf(v)})`)).join(' ');
  const content = ['BT /F1 12 Tf 72 720 Td 14 TL', ...lines.map((l) => `(${escapePdf(l)}) '`), 'ET'].join('\n');
  const widths = Array.from({ length: 95 }, () => 500).join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '', stream: Buffer.from(content, 'latin1') },
    `<< /Type /Font /Subtype /Type1 /BaseFont /TelaahPoc+Serif /FirstChar 32 /LastChar 126 /Widths [${widths}] /Encoding /WinAnsiEncoding /FontDescriptor 6 0 R /FontMatrix [${matrix}] >>`,
    '<< /Type /FontDescriptor /FontName /TelaahPoc+Serif /Flags 34 /FontBBox [-200 -250 1100 950] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>',
    { dict: `/Length1 ${program.length} /Length2 0 /Length3 0`, stream: program },
  ]);
}

/**
 * One very tall page (pdfjs accepts a MediaBox far beyond the 14,400-point limit of the spec) with
 * `count` short lines in two columns, each line its own text item: a page with as many lines as a
 * whole book, to find work that grows with the square of a page's lines.
 */
export function tallPagePdf(count: number): Buffer {
  const rows = Math.ceil(count / 2);
  const height = rows * 2 + 100;
  const ops = ['BT /F1 1.5 Tf'];
  for (let i = 0; i < count; i++) {
    const x = i % 2 ? 320 : 40;
    const y = height - 50 - Math.floor(i / 2) * 2;
    ops.push(`1 0 0 1 ${x} ${y} Tm (${WORDS[i % WORDS.length]} ${i}) Tj`);
  }
  ops.push('ET');
  const objects = textPdfObjects([]);
  objects[2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`;
  objects[3] = { dict: '/Filter /FlateDecode', stream: deflateSync(Buffer.from(ops.join('\n'), 'latin1')) };
  return writePdf(objects);
}

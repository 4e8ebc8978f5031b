/**
 * Export speed on a synthetic store of 1,000 documents (built here by inserting rows, so the figures do
 * not depend on the corpus): 120 sentences in 12 paragraphs per document (~13 KB of text), one or two
 * sentence theme codes per sentence plus paragraph roll-ups, 20 instrument mentions, 15 references and
 * a few review decisions. Times every export format and their sum (target: all under 10 s), against a
 * baseline of reading every annotation row and parsing its JSON once.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/store/open-store.js';
import { createReviewStore, type NewDecision } from '../../src/store/review-store.js';
import { exportCsv } from '../../src/export/export-csv.js';
import { exportQdpx } from '../../src/export/export-qdpx.js';
import { exportBibliography } from '../../src/export/export-bibliography.js';
import { exportReport } from '../../src/export/export-report.js';

const DOCUMENTS = 1000;
const SENTENCES = 120;
const PARAGRAPH = 10;
const THEMES = ['refugee-protection', 'non-refoulement', 'migrant-workers', 'trafficking-smuggling', 'human-rights-framework', 'ratification-implementation',
  'harmonization', 'sovereignty-immigration-control', 'international-cooperation', 'root-causes', 'enforcement-challenges', 'business-human-rights',
  'vulnerable-groups', 'economic-development', 'access-to-justice'];
const INSTRUMENTS = ['refugee-convention-1951', 'refugee-protocol-1967', 'icrmw', 'iccpr', 'udhr', 'id-uu-6-2011', 'id-uu-18-2017', 'id-perpres-125-2016'];
const WORDS = ('perlindungan pengungsi pekerja migran negara hukum internasional konvensi pasal ayat hak asasi manusia refugee protection ' +
  'asylum state obligation treaty ratification trafficking border detention deportation labour court judgment principle').split(' ');

function sentence(seed: number): string {
  const n = 10 + (seed % 12);
  const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13 + ((seed >> 3) % 5)) % WORDS.length]);
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

export function buildStore(db: Db): void {
  const insertRun = db.prepare(`INSERT INTO runs (started_at, finished_at, status, telaah_version, pipeline_version, config_json, annotators_json)
    VALUES ('2026-01-01', '2026-01-01', 'complete', 'bench', 'bench', '{}', '[{"id":"themes","version":"1.0.0"}]')`);
  const insertDoc = db.prepare(`INSERT INTO documents (document_id, file, sha256, bytes, format, title, language, pages, status, updated_at)
    VALUES (?, ?, ?, 0, 'txt', ?, 'id', 4, 'ok', '2026-01-01')`);
  const insertText = db.prepare("INSERT INTO document_texts (document, text, notes_start, source_map, layout_paragraphs) VALUES (?, ?, ?, '[]', '[]')");
  const insertPage = db.prepare('INSERT INTO pages (document, number, label, start, "end") VALUES (?, ?, ?, ?, ?)');
  const insertFootnote = db.prepare('INSERT INTO footnotes (document, number, page, start, "end") VALUES (?, ?, ?, ?, ?)');
  const insertSegment = db.prepare(`INSERT INTO segments (document, kind, idx, start, "end", page, language, in_footnote, paragraph) VALUES (?, ?, ?, ?, ?, ?, 'id', 0, ?)`);
  const insertAnnotation = db.prepare(`INSERT INTO annotations (document, kind, start, "end", page, source, version, rule, in_footnote, data) VALUES (?, ?, ?, ?, ?, 'bench', '1', ?, ?, ?)`);
  const insertInstrument = db.prepare(`INSERT INTO instruments (id, name_en, name_id, kind, year, indonesia_status) VALUES (?, ?, ?, 'treaty', 1951, ?)`);
  const decisions: NewDecision[] = [];
  db.transaction(() => {
    insertRun.run();
    INSTRUMENTS.forEach((id, i) => insertInstrument.run(id, `Instrument ${id}`, `Instrumen ${id}`, i % 2 ? 'party' : 'not-party'));
    for (let d = 0; d < DOCUMENTS; d++) {
      const sentences = Array.from({ length: SENTENCES }, (_, i) => sentence(d * 1000 + i));
      const body = sentences.join(' ');
      const notes = Array.from({ length: 15 }, (_, n) => `${n + 1} Author${(d + n) % 300}, A. (${2000 + ((d + n) % 25)}). Title of work ${(d * 3 + n) % 2000}. Journal of Law ${n % 7}, 12(3), 45-67.`);
      const text = `${body}\n\n${notes.join('\n')}`;
      const sha = (d.toString(16).padStart(8, '0') + 'e'.repeat(56)).slice(0, 64);
      const id = Number(insertDoc.run(sha.slice(0, 16), `/bench/doc-${d}.txt`, sha, `Dokumen ${d}`).lastInsertRowid);
      insertText.run(id, text, body.length + 2);
      const quarter = Math.ceil(text.length / 4);
      for (let p = 0; p < 4; p++) insertPage.run(id, p + 1, String(p + 10), p * quarter, Math.min(text.length, (p + 1) * quarter));
      let at = 0;
      let paragraphStart = 0;
      sentences.forEach((s, i) => {
        const page = 1 + Math.floor(at / quarter);
        const paragraph = Math.floor(i / PARAGRAPH);
        insertSegment.run(id, 'sentence', i, at, at + s.length, page, paragraph);
        const themes = [THEMES[(d + i) % THEMES.length], ...(i % 3 === 0 ? [THEMES[(d + i * 5 + 1) % THEMES.length]] : [])];
        for (const t of new Set(themes)) {
          insertAnnotation.run(id, 'theme-code', at, at + s.length, page, `${t}/r`, 0,
            JSON.stringify({ themeId: t, themeName: t, level: 'sentence', score: 1, codebookVersion: 'bench', evidence: [{ rule: 'r', terms: [s.split(' ')[0]], spans: [{ start: at, end: at + 5 }] }] }));
        }
        if (i % 6 === 0) {
          const inst = INSTRUMENTS[(d + i) % INSTRUMENTS.length];
          insertAnnotation.run(id, 'instrument-mention', at, at + 10, page, 'name', 0, JSON.stringify({ instrumentId: inst, instrumentName: `Instrument ${inst}`, instrumentKind: 'treaty', provision: null, resolution: 'name', inReference: false }));
        }
        if (d % 10 === 0 && i < 6) {
          decisions.push({ targetKind: 'theme-code', documentSha256: sha, start: at, end: at + s.length, targetKey: themes[0], reviewer: i % 2 ? 'ana' : 'budi',
            action: i % 3 ? 'accept' : 'reject', previousStatus: 'pending', newStatus: i % 3 ? 'accepted' : 'rejected', newKey: null, memo: null, undoes: null,
            blind: false, adjudication: false, surface: s, documentFile: `doc-${d}.txt` });
        }
        if ((i + 1) % PARAGRAPH === 0 || i === sentences.length - 1) {
          insertSegment.run(id, 'paragraph', paragraph, paragraphStart, at + s.length, page, null);
          paragraphStart = at + s.length + 1;
        }
        at += s.length + 1;
      });
      let noteAt = body.length + 2;
      notes.forEach((note, n) => {
        insertFootnote.run(id, n + 1, 4, noteAt, noteAt + note.length);
        const author = `Author${(d + n) % 300}`;
        const year = String(2000 + ((d + n) % 25));
        const title = `Title of work ${(d * 3 + n) % 2000}`;
        insertAnnotation.run(id, 'reference', noteAt, noteAt + note.length, 4, 'footnote', 1, JSON.stringify({
          noteNumber: n + 1, refIndex: 0, raw: note, authors: [`${author}, A.`], authorNames: [{ family: author, given: 'A.' }], year, title, container: `Journal of Law ${n % 7}`,
          volume: '12', issue: '3', pages: '45-67', pinpoint: null, publisher: null, place: null, doi: null, url: null, accessed: null, backReference: null, unresolved: null,
          workKey: `${author.toLowerCase()}|${year}|${title.toLowerCase()}`,
        }));
        noteAt += note.length + 1;
      });
    }
  })();
  createReviewStore(db).appendDecisions(decisions);
}

/** Wall time, and this process's CPU time beside it (on a loaded machine wall time also counts waiting for a core). */
async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, value };
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'telaah-export-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'store.sqlite'));
    const built = await time(() => buildStore(db));
    const counts = db.prepare('SELECT kind, COUNT(*) AS n FROM annotations GROUP BY kind').all() as { kind: string; n: number }[];
    console.log(`store: ${DOCUMENTS} documents, ${counts.map((c) => `${c.n} ${c.kind}`).join(', ')} (built in ${(built.ms / 1000).toFixed(1)} s)`);
    const baseline = await time(() => {
      let n = 0;
      for (const r of db.prepare('SELECT data FROM annotations').iterate() as Iterable<{ data: string }>) n += JSON.parse(r.data) ? 1 : 0;
      return n;
    });
    const out = path.join(dir, 'out');
    const csv = await time(() => exportCsv(db, path.join(out, 'csv')));
    const qdpx = await time(() => exportQdpx(db, out));
    const bibtex = await time(() => exportBibliography(db, out, 'bibtex'));
    const cslJson = await time(() => exportBibliography(db, out, 'csl-json'));
    const ris = await time(() => exportBibliography(db, out, 'ris'));
    const report = await time(() => exportReport(db, out));
    db.close();
    const total = csv.ms + qdpx.ms + bibtex.ms + cslJson.ms + ris.ms + report.ms;
    const totalCpu = csv.cpuMs + qdpx.cpuMs + bibtex.cpuMs + cslJson.cpuMs + ris.cpuMs + report.cpuMs;
    const s = (ms: number) => Math.round(ms) / 1000;
    const rows = csv.value.reduce((n, f) => n + f.rows, 0);
    console.log(`baseline (read + parse every annotation once): ${s(baseline.ms)} s`);
    console.log(`csv: ${s(csv.ms)} s (${csv.value.length} files, ${rows} rows)`);
    console.log(`qdpx: ${s(qdpx.ms)} s (${(statSync(qdpx.value.file).size / 1e6).toFixed(1)} MB)`);
    console.log(`bibtex: ${s(bibtex.ms)} s, csl-json: ${s(cslJson.ms)} s, ris: ${s(ris.ms)} s (${bibtex.value.works} works)`);
    console.log(`report: ${s(report.ms)} s`);
    console.log(`all exports: ${s(total)} s (target < 10 s; ${(total / baseline.ms).toFixed(1)}× the baseline); CPU time ${s(totalCpu)} s `
      + `(csv ${s(csv.cpuMs)}, qdpx ${s(qdpx.cpuMs)}, bibtex ${s(bibtex.cpuMs)}, csl-json ${s(cslJson.cpuMs)}, ris ${s(ris.cpuMs)}, report ${s(report.cpuMs)}); load ${os.loadavg()[0].toFixed(1)}`);
    return {
      documents: DOCUMENTS, csv_seconds: s(csv.ms), csv_rows: rows, qdpx_seconds: s(qdpx.ms), bibtex_seconds: s(bibtex.ms), csl_json_seconds: s(cslJson.ms),
      ris_seconds: s(ris.ms), report_seconds: s(report.ms), total_seconds: s(total), total_cpu_seconds: s(totalCpu), baseline_seconds: s(baseline.ms),
      load_average: Math.round(os.loadavg()[0] * 10) / 10, works: bibtex.value.works,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

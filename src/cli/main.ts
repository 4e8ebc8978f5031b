/**
 * The `telaah` command line. Exit codes: 0 every document ok; 1 usage or configuration error;
 * 3 the run finished but some documents failed (listed at the end with reasons).
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundledPipelineFile, ConfigError, loadPipeline, resolveFromConfig, type PipelineConfig } from '../config.js';
import { resolveJobs, runPipeline } from '../pipeline.js';
import { StoreLockedError } from '../store/run-lock.js';
import { openDatabase } from '../store/open-store.js';
import { corpusStats } from '../store/stats.js';
import { searchSentences } from '../store/search.js';
import { exportCsv } from '../export/export-csv.js';
import { exportQdpx } from '../export/export-qdpx.js';
import { exportReport } from '../export/export-report.js';
import { exportBibliography } from '../export/export-bibliography.js';
import { lastRunConfig } from '../store/runs.js';
import { loadCodebook } from '../annotate/themes/load-codebook.js';
import type { Codebook } from '../annotate/themes/codebook-schema.js';
import { createProgress } from './progress.js';
import { printTable } from './print-table.js';
import { telaahVersion } from '../pipeline-version.js';
import { addCorpusCommands } from './corpus-commands.js';
import { ReviewServerError, startReviewServer } from '../review/start-review-server.js';
import { CodebookError } from '../annotate/themes/load-codebook.js';
import { QdcError } from '../export/read-qda-codes.js';

export const EXIT = { ok: 0, usage: 1, partial: 3 } as const;
const DEFAULT_DB = 'output/telaah.sqlite';

class UsageError extends Error {}

function openExisting(db: string) {
  if (!existsSync(db)) throw new UsageError(`no store at ${db}; run \`telaah run\` first or pass --db`);
  return openDatabase(db);
}

/** The codebook to export with: the one given, else the one the store's last run used, else the default. */
function exportCodebook(db: ReturnType<typeof openDatabase>, file: string | undefined): Codebook | null {
  if (file) return loadCodebook(path.resolve(file));
  const config = lastRunConfig(db);
  const used = config?.stages?.themes?.codebook;
  if (used && config?.baseDir) {
    const resolved = path.resolve(config.baseDir, used);
    if (existsSync(resolved)) return loadCodebook(resolved);
  }
  return null;
}

function pipelineFrom(option: string | undefined): PipelineConfig {
  return loadPipeline(option ?? bundledPipelineFile);
}

export function buildProgram(): Command {
  const program = new Command('telaah')
    .description('Legal-text analysis at corpus scale: instruments, citations and themes from PDFs and text into one SQLite store.')
    .version(telaahVersion())
    .showHelpAfterError()
    .addHelpText('after', `
Examples:
  telaah run                               process the bundled sample corpus into ${DEFAULT_DB}
  telaah run papers/ statutes/ --jobs 2    process two folders with two worker threads
  telaah stats                             what is in the store
  telaah search "non-refoulement"          ranked sentences with document and page
  telaah export --out output/csv           CSV files for R, pandas or a spreadsheet

Exit codes: 0 all documents ok, 1 usage or configuration error, 3 some documents failed.`);

  program
    .command('run')
    .description('find .pdf, .txt and .md files (recursively) and process them into the store')
    .argument('[paths...]', 'files or folders (default: the pipeline file\'s inputs)')
    .option('--db <file>', `SQLite store (default: the pipeline file's database, or ${DEFAULT_DB})`)
    .option('--pipeline <file>', 'pipeline file (YAML)', undefined)
    .addOption(new Option('--jobs <n>', 'worker threads (default: the pipeline file\'s jobs, auto = one per core)').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs expects a whole number of at least 1, got "${v}"`);
      return n;
    }))
    .addHelpText('after', `
Examples:
  telaah run
  telaah run ../papers --db output/papers.sqlite --jobs 2
  telaah run --pipeline pipelines/my-study.yaml`)
    .action(async (paths: string[], opts: { db?: string; pipeline?: string; jobs?: number }) => {
      const config = pipelineFrom(opts.pipeline);
      const inputs = paths.length ? paths : config.inputs.map((i) => resolveFromConfig(config, i));
      const database = opts.db ?? (opts.pipeline ? resolveFromConfig(config, config.database) : DEFAULT_DB);
      const progress = createProgress();
      const summary = await runPipeline({
        config, inputs, database, jobs: resolveJobs(config, opts.jobs),
        onPlanned: (total, toProcess) => progress.planned(total, toProcess),
        onDocument: (e) => progress.document(e),
      });
      progress.finish(summary);
      process.stderr.write(`store: ${path.relative(process.cwd(), path.resolve(database)) || database}\n`);
      process.exitCode = summary.failures.length ? EXIT.partial : EXIT.ok;
    });

  program
    .command('stats')
    .description('documents by status and language, pages, and the top instruments, themes and cited works')
    .option('--db <file>', 'SQLite store', DEFAULT_DB)
    .action((opts: { db: string }) => {
      const db = openExisting(opts.db);
      try {
        const s = corpusStats(db);
        const out = (line = '') => process.stdout.write(line + '\n');
        out(`${s.documents} documents, ${s.pages} pages, ${s.sentences} sentences` + (s.lastRun ? `; last run #${s.lastRun.id} ${s.lastRun.status} at ${s.lastRun.started_at}` : ''));
        out();
        printTable(out, 'Documents by status', ['status', 'documents', 'pages'], s.byStatus);
        printTable(out, 'Documents by language', ['language', 'documents', 'pages'], s.byLanguage);
        if (s.annotationsByKind.length) printTable(out, 'Annotations', ['kind', 'count'], s.annotationsByKind);
        if (s.topInstruments.length) printTable(out, 'Top instruments (mentions outside cited titles)', ['instrument', 'indonesia', 'mentions', 'documents'], s.topInstruments);
        if (s.themesByDocument.length) {
          // Themes as rows keep the table readable; the busiest documents are the columns (ids shortened).
          const docs = [...s.themesByDocument]
            .sort((a, b) => s.themeColumns.reduce((n, t) => n + Number(b[t]), 0) - s.themeColumns.reduce((n, t) => n + Number(a[t]), 0))
            .slice(0, 8);
          const rows = s.themeColumns.map((theme) => ({
            theme,
            all: s.themesByDocument.reduce((n, d) => n + Number(d[theme]), 0),
            ...Object.fromEntries(docs.map((d) => [String(d.document).slice(0, 8), d[theme]])),
          }));
          const more = s.themesByDocument.length > docs.length ? ` (the ${docs.length} busiest of ${s.themesByDocument.length} documents; theme_by_document.csv has all)` : '';
          printTable(out, `Themes by document: coded sentences${more}`, ['theme', 'all', ...docs.map((d) => String(d.document).slice(0, 8))], rows);
        }
        if (s.topWorks.length) printTable(out, 'Most cited works', ['work', 'citations', 'documents'], s.topWorks);
        if (s.flaggedClaims) out(`${s.flaggedClaims} ratification claim(s) contradict the registry; see claims.csv or the review app`);
      } finally {
        db.close();
      }
    });

  program
    .command('search')
    .description('full-text search over sentences, ranked, with document and page')
    .argument('<query...>', 'words or "a phrase"; a trailing * matches prefixes')
    .option('--db <file>', 'SQLite store', DEFAULT_DB)
    .option('--limit <n>', 'number of results', '20')
    .option('--document <id>', 'only this document_id')
    .option('--language <lang>', 'only sentences in this language (id, en)')
    .action((query: string[], opts: { db: string; limit: string; document?: string; language?: string }) => {
      const db = openExisting(opts.db);
      try {
        const result = searchSentences(db, query.join(' '), { limit: Number(opts.limit) || 20, documentId: opts.document, language: opts.language });
        if (!result.hits.length) process.stdout.write('no matches\n');
        for (const h of result.hits) {
          process.stdout.write(`${h.documentId} p.${h.page}  ${h.title ?? path.basename(h.file)}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
        }
        if (result.hits.length) {
          const n = (x: number) => x.toLocaleString('en-US');
          const total = `${result.totalEstimated ? 'about ' : ''}${n(result.total)} match${result.total === 1 ? '' : 'es'}`;
          const shown = result.hits.length < result.total ? `${n(result.hits.length)} of ${total}` : total;
          process.stdout.write(result.sampled ? `${shown}, ranked among an even sample of ${n(result.ranked)}; add words to narrow\n` : `${shown}\n`);
        }
      } finally {
        db.close();
      }
    });

  program
    .command('export')
    .description('write the store for write-ups and other tools: CSV tables, a REFI-QDA project, bibliographies, a report')
    .option('--db <file>', 'SQLite store', DEFAULT_DB)
    .option('--out <dir>', 'output folder', 'output/export')
    .addOption(new Option('--format <format>', 'what to write').choices(['csv', 'qdpx', 'bibtex', 'csl-json', 'ris', 'report']).default('csv'))
    .option('--excel', 'CSV: start each file with a byte-order mark so Excel reads UTF-8')
    .addOption(new Option('--status <status>', 'limit theme codes to this review status').choices(['accepted', 'rejected', 'recoded', 'proposed', 'reviewed']))
    .option('--codebook <file>', 'codebook YAML for theme names and hierarchy (default: the one the last run used)')
    .addHelpText('after', `
Examples:
  telaah export                                  CSV tables in output/export (see docs/exports.md)
  telaah export --status accepted --excel        only reviewed-and-accepted codes, Excel-friendly
  telaah export --format qdpx                    a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder
  telaah export --format bibtex                  the cited works as BibTeX (also csl-json, ris)
  telaah export --format report                  one self-contained HTML report`)
    .action(async (opts: { db: string; out: string; format: string; excel?: boolean; status?: string; codebook?: string }) => {
      const db = openExisting(opts.db);
      try {
        const codebook = exportCodebook(db, opts.codebook);
        const options = { status: opts.status, codebook };
        const rel = (f: string) => path.relative(process.cwd(), f) || f;
        if (opts.format === 'csv') {
          for (const w of await exportCsv(db, opts.out, { ...options, excel: opts.excel })) process.stdout.write(`${rel(w.file)}: ${w.rows} rows\n`);
        } else if (opts.format === 'qdpx') {
          const r = exportQdpx(db, opts.out, options);
          process.stdout.write(`${rel(r.file)}: ${r.sources} sources, ${r.bytes} bytes\n`);
        } else if (opts.format === 'report') {
          const r = exportReport(db, opts.out, options);
          process.stdout.write(`${rel(r.file)}: ${r.bytes} bytes\n`);
        } else {
          const r = exportBibliography(db, opts.out, opts.format as 'bibtex' | 'csl-json' | 'ris', options);
          process.stdout.write(`${rel(r.file)}: ${r.works} works\n`);
        }
      } finally {
        db.close();
      }
    });

  program
    .command('review')
    .description('start the local review web app (reader, review queues, search, agreement, audit log)')
    .option('--db <file>', 'SQLite store', DEFAULT_DB)
    .option('--port <n>', 'port (0 picks a free one)', '4173')
    .option('--host <host>', 'address to bind; anything but loopback needs --token', '127.0.0.1')
    .option('--token <secret>', 'require this token on every request (needed to bind a non-loopback host)')
    .option('--codebook <file>', 'codebook YAML for theme names (default: the bundled codebook)')
    .addHelpText('after', '\nExamples:\n  telaah review\n  telaah review --db output/study.sqlite --port 8080')
    .action(async (opts: { db: string; port: string; host: string; token?: string; codebook?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number, got "${opts.port}"`);
      let server;
      try {
        server = await startReviewServer({ db: opts.db, port, host: opts.host, token: opts.token, codebook: opts.codebook });
      } catch (error) {
        if (error instanceof ReviewServerError) throw new UsageError(error.message);
        throw error;
      }
      process.stdout.write(`telaah review: ${server.url}\n(Ctrl+C stops it)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  addCorpusCommands(program, { defaultDb: DEFAULT_DB, openExisting, usageError: (m) => new UsageError(m) });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof StoreLockedError || error instanceof CodebookError || error instanceof QdcError) {
      process.stderr.write(`telaah: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`telaah: unexpected error: ${(error as Error).stack ?? error}\n`);
    return EXIT.usage;
  }
}

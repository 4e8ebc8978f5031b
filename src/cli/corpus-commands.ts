/**
 * Commands that work on the stored corpus and the codebook: `refs parse`, `codebook check`,
 * `codebook add --from-candidate N`, `themes discover`. Each reads the store read-only except where it
 * says it writes (the codebook file, candidate_themes.csv).
 */
import type { Command } from 'commander';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { importQdcCodebook } from '../export/import-qdc-codebook.js';
import { readQdcXml } from '../export/read-qdc-file.js';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { parseReferenceLines } from '../annotate/citations/parse-reference-lines.js';
import { loadCodebook } from '../annotate/themes/load-codebook.js';
import { checkCodebook } from '../annotate/themes/check-codebook.js';
import { discoverThemes } from '../annotate/themes/discover-themes.js';
import { candidateToCodebookEntry } from '../annotate/themes/candidate-to-codebook-entry.js';
import { bundledPipelineFile, loadPipeline, resolveFromConfig } from '../config.js';
import { corpusSentences } from '../store/corpus-sentences.js';
import { writeCsv } from '../export/write-csv.js';
import type { Db } from '../store/open-store.js';
import { printTable } from './print-table.js';

export interface CorpusCommandContext {
  readonly defaultDb: string;
  openExisting(db: string): Db;
  usageError(message: string): Error;
}

function codebookFile(opts: { codebook?: string; pipeline?: string }): string {
  if (opts.codebook) return path.resolve(opts.codebook);
  const config = loadPipeline(opts.pipeline ?? bundledPipelineFile);
  return resolveFromConfig(config, config.stages.themes.codebook);
}

function discover(db: Db) {
  return discoverThemes([...corpusSentences(db)].map((d) => ({ id: d.id, sentences: d.sentences })));
}

export function addCorpusCommands(program: Command, ctx: CorpusCommandContext): void {
  const out = (line = '') => process.stdout.write(line + '\n');

  program
    .command('refs')
    .description('reference strings')
    .command('parse')
    .description('parse reference strings, one per line on standard input, into one JSON object per line')
    .addHelpText('after', '\nExample:\n  echo "Ruggie, J. G. (2013). Just Business. New York: Norton." | telaah refs parse')
    .action(() => {
      const input = readFileSync(0, 'utf8');
      process.stdout.write(parseReferenceLines(input.replace(/\r\n?/g, '\n').replace(/\n$/, '')) + '\n');
    });

  const codebook = program.command('codebook').description('check and extend the theme codebook');
  codebook
    .command('check')
    .description('validate the codebook and report rules that never fire on the stored corpus and terms claimed by several themes')
    .option('--db <file>', 'SQLite store', ctx.defaultDb)
    .option('--codebook <file>', 'codebook YAML (default: the pipeline file\'s)')
    .option('--pipeline <file>', 'pipeline file naming the codebook')
    .action((opts: { db: string; codebook?: string; pipeline?: string }) => {
      const file = codebookFile(opts);
      const book = loadCodebook(file);
      out(`${path.relative(process.cwd(), file)}: valid, ${book.themes.length} themes, version ${book.version}`);
      const db = ctx.openExisting(opts.db);
      try {
        const sentences = [...corpusSentences(db)].flatMap((d) => d.sentences.map((s) => ({ text: s.text, mentions: s.mentions })));
        const check = checkCodebook(book, sentences);
        out(`checked against ${check.sentences} stored sentences`);
        out();
        if (check.neverFired.length) printTable(out, 'Rules that never fire on this corpus', ['themeId', 'ruleId'], check.neverFired);
        else out('every rule fires at least once\n');
        if (check.sharedTerms.length) {
          printTable(out, 'Terms claimed by several themes', ['term', 'themes'], check.sharedTerms.map((t) => ({ term: t.written.join(' / '), themes: t.themes.join(', ') })));
        }
      } finally {
        db.close();
      }
    });
  codebook
    .command('add')
    .description('add a candidate theme from `telaah themes discover` to the codebook, for you to edit')
    .requiredOption('--from-candidate <n>', 'the candidate number printed by `telaah themes discover`')
    .option('--db <file>', 'SQLite store', ctx.defaultDb)
    .option('--codebook <file>', 'codebook YAML to extend (default: the pipeline file\'s)')
    .option('--pipeline <file>', 'pipeline file naming the codebook')
    .action((opts: { fromCandidate: string; db: string; codebook?: string; pipeline?: string }) => {
      const n = Number(opts.fromCandidate);
      const db = ctx.openExisting(opts.db);
      let candidates;
      try {
        candidates = discover(db).candidates;
      } finally {
        db.close();
      }
      const candidate = candidates.find((c) => c.index === n);
      if (!candidate) throw ctx.usageError(`there is no candidate ${opts.fromCandidate}; \`telaah themes discover\` lists 1–${candidates.length}`);
      const file = codebookFile(opts);
      const doc = parseDocument(readFileSync(file, 'utf8'));
      const entry = candidateToCodebookEntry(candidate);
      const themes = doc.get('themes', true) as { add(v: unknown): void } | undefined;
      if (!themes) throw ctx.usageError(`${file} has no themes list`);
      if (loadCodebook(file).themes.some((t) => t.id === entry.id)) throw ctx.usageError(`${file} already has a theme "${entry.id}"`);
      themes.add(doc.createNode(entry));
      writeFileSync(file, doc.toString());
      loadCodebook(file); // still valid
      out(`added theme "${entry.id}" (candidate ${n}: ${candidate.label}) to ${path.relative(process.cwd(), file)}; edit its names, description and rules`);
    });

  codebook
    .command('import')
    .description('turn a REFI-QDA codebook (.qdc, or the codebook inside a .qdpx project) into a Telaah codebook YAML to add rules to')
    .argument('<file>', '.qdc codebook or .qdpx project')
    .option('--out <file>', 'YAML file to write', 'pipelines/codebooks/imported.yaml')
    .option('--id <id>', 'codebook id (default: from the file name)')
    .addHelpText('after', '\nExample:\n  telaah codebook import team.qdc --out pipelines/codebooks/team.yaml')
    .action((file: string, opts: { out: string; id?: string }) => {
      const xml = readQdcXml(file);
      const id = opts.id ?? path.basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const yaml = importQdcCodebook(xml, { id, source: path.basename(file) });
      if (existsSync(opts.out)) throw ctx.usageError(`${opts.out} exists; pass another --out or remove it`);
      mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      writeFileSync(opts.out, yaml);
      const book = loadCodebook(path.resolve(opts.out));
      out(`wrote ${opts.out}: ${book.themes.length} themes from ${path.basename(file)}; add rules to the themes you want coded, then point stages.themes.codebook at it`);
    });

  program
    .command('themes')
    .description('inductive theme discovery')
    .command('discover')
    .description('key terms and phrases per document and for the corpus (TF-IDF over stems), and candidate themes from co-occurring terms')
    .option('--db <file>', 'SQLite store', ctx.defaultDb)
    .option('--out <dir>', 'folder for candidate_themes.csv', 'output/csv')
    .action(async (opts: { db: string; out: string }) => {
      const db = ctx.openExisting(opts.db);
      let result;
      try {
        result = discover(db);
      } finally {
        db.close();
      }
      printTable(out, 'Corpus key terms', ['term', 'language', 'count', 'score'], result.corpus.keyTerms.slice(0, 15).map((t) => ({ ...t, score: Number(t.score.toFixed(3)) })));
      printTable(out, 'Corpus key phrases', ['term', 'language', 'count', 'score'], result.corpus.keyPhrases.slice(0, 15).map((t) => ({ ...t, score: Number(t.score.toFixed(3)) })));
      out('Candidate themes (turn one into a codebook entry with `telaah codebook add --from-candidate N`):');
      for (const c of result.candidates) {
        out(`\n${c.index}. ${c.label}  (${c.support} sentences)\n   terms: ${c.topTerms.map((t) => t.term).join(', ')}`);
        for (const s of c.sentences) out(`   - [${s.documentId}] ${s.text.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
      mkdirSync(opts.out, { recursive: true });
      const file = path.join(opts.out, 'candidate_themes.csv');
      await writeCsv(file, ['candidate', 'label', 'support', 'top_terms', 'example_1', 'example_2', 'example_3'], result.candidates.map((c) => ({
        candidate: c.index, label: c.label, support: c.support, top_terms: c.topTerms.map((t) => t.term).join('; '),
        example_1: c.sentences[0]?.text, example_2: c.sentences[1]?.text, example_3: c.sentences[2]?.text,
      })));
      out(`\nwrote ${path.relative(process.cwd(), file)}`);
    });
}

/**
 * One measured benchmark job in a fresh process: `node bench/measure-child.mjs <job> <args…>` prints one
 * JSON line with its wall and CPU seconds (all threads, and the main thread alone), peak RSS, pages and
 * documents. Plain JavaScript on plain Node, as the `telaah` command runs: a TypeScript loader in the
 * child would also load into the pipeline's worker threads and turn on source maps, which costs a run
 * about a tenth of its time that users never pay.
 *
 * Jobs:
 *   raw-pdfjs <input…>             pdfjs-dist text extraction alone, as shipped (the baseline)
 *   raw-pdfjs-tuned <input…>       the same in the setting Telaah's worker gives pdfjs
 *                                  (dist/extract/prepare-pdfjs-thread.js)
 *   pdftotext <input…>             poppler's pdftotext (the native floor)
 *   telaah <db> <jobs> <pipeline.yaml|-> <input…>   the compiled pipeline (dist/), '-' for the default pipeline
 * An input ending in .list is a file naming one input per line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rawPdfjsPages } from './raw-pdfjs-pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (module) => import(pathToFileURL(path.join(root, 'dist', module)).href);

/** CPU seconds of this process's main thread (Linux /proc; null elsewhere): the single writer's share. */
function mainThreadCpuSeconds() {
  try {
    // Fields 14 and 15 (utime, stime, in clock ticks) after the parenthesised command name.
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const expand = (inputs) => inputs.flatMap((i) => (i.endsWith('.list') ? readFileSync(i, 'utf8').split('\n').filter(Boolean) : [i]));

const [job, ...args] = process.argv.slice(2);
const mainBefore = mainThreadCpuSeconds() ?? 0;
const started = performance.now();
let pages = 0;
let documents = 0;
const extra = {};
if (job === 'raw-pdfjs' || job === 'raw-pdfjs-tuned') {
  if (job === 'raw-pdfjs-tuned') await (await dist('extract/prepare-pdfjs-thread.js')).preparePdfjsThread();
  for (const file of expand(args)) {
    const read = await rawPdfjsPages(file);
    pages += read.pages;
    if (read.complete) documents++;
  }
} else if (job === 'pdftotext') {
  for (const file of expand(args)) {
    try {
      const text = execFileSync('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      // pdftotext ends every page with a form feed.
      pages += text.split('\f').length - 1;
      documents++;
    } catch {
      // A file it cannot read costs what it cost.
    }
  }
} else if (job === 'telaah') {
  const [database, jobs, pipelineFile, ...inputs] = args;
  const { runPipeline } = await dist('pipeline.js');
  const { defaultPipeline, loadPipeline } = await dist('config.js');
  const config = pipelineFile === '-' ? defaultPipeline() : loadPipeline(pipelineFile);
  const summary = await runPipeline({ config, inputs: expand(inputs), database, jobs: Number(jobs) });
  pages = summary.processedPages;
  documents = summary.ok + summary.flagged + summary.failed;
  Object.assign(extra, { failed: summary.failed, extracted: summary.extracted, reannotated: summary.reannotated, skipped: summary.skipped });
} else {
  throw new Error(`unknown job ${job}`);
}
const usage = process.resourceUsage();
console.log(JSON.stringify({
  seconds: (performance.now() - started) / 1000, pages, documents,
  maxRssMb: usage.maxRSS / 1024,
  // All the process's threads: V8's GC helpers and the zlib thread pool included.
  cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
  mainBusySeconds: (mainThreadCpuSeconds() ?? Number.NaN) - mainBefore,
  ...extra,
}));

/**
 * Benchmark child process: runs one measured job in a fresh Node process and prints one JSON line
 * with its seconds, pages, peak RSS and CPU seconds. Jobs: `raw-pdfjs <files…>` (the baseline: pdfjs-dist text
 * extraction alone, sequential) and `telaah <db> <jobs> <paths…>` (the compiled pipeline from dist/).
 */
import { rawPdfjsPages } from './raw-pdfjs-pages.js';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [job, ...args] = process.argv.slice(2);
const started = performance.now();
let pages = 0;

if (job === 'raw-pdfjs') {
  for (const file of args) pages += (await rawPdfjsPages(file)).pages;
} else if (job === 'telaah') {
  const [database, jobs, ...inputs] = args;
  const { runPipeline } = await import(pathToFileURL(path.join(root, 'dist', 'pipeline.js')).href);
  const { defaultPipeline } = await import(pathToFileURL(path.join(root, 'dist', 'config.js')).href);
  const summary = await runPipeline({ config: defaultPipeline(), inputs, database, jobs: Number(jobs) });
  pages = summary.processedPages;
  console.error(JSON.stringify({ ok: summary.ok, failed: summary.failed, flagged: summary.flagged, skipped: summary.skipped }));
} else {
  throw new Error(`unknown job ${job}`);
}
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU seconds of all the process's threads (V8's GC helpers and the zlib thread pool included).
console.log(JSON.stringify({ seconds, pages, maxRssMb: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));

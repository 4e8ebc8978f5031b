/**
 * Run progress for people: on a terminal, a bar with counts, pages/s and ETA; otherwise (CI, logs) one
 * plain line per document. Then a closing summary and the failures with their reasons.
 */
import cliProgress from 'cli-progress';
import path from 'node:path';
import type { DocumentEvent, RunSummary } from '../pipeline.js';

export interface ProgressReporter {
  planned(total: number, toProcess: number): void;
  document(event: DocumentEvent): void;
  finish(summary: RunSummary): void;
}

function shortName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, interactive = Boolean(stream.isTTY)): ProgressReporter {
  const started = performance.now();
  let pages = 0;
  let done = 0;
  let bar: cliProgress.SingleBar | null = null;
  const write = (line: string) => stream.write(line + '\n');
  return {
    planned(total, toProcess) {
      if (!interactive) {
        write(`telaah: ${total} files, ${toProcess} to process, ${total - toProcess} unchanged`);
        return;
      }
      bar = new cliProgress.SingleBar(
        { stream, format: ' {bar} {value}/{total} docs | {pagesPerSecond} pages/s | ETA {eta_formatted} | {file}', hideCursor: true, etaBuffer: 20 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { pagesPerSecond: '0.0', file: '' });
    },
    document(event) {
      done++;
      if (event.mode !== 'skip') pages += event.pages;
      const seconds = (performance.now() - started) / 1000;
      if (bar) {
        bar.increment(1, { pagesPerSecond: (pages / Math.max(seconds, 0.001)).toFixed(1), file: shortName(event.file).slice(-40) });
        return;
      }
      const what = event.mode === 'skip' ? 'unchanged' : event.mode === 'annotations' ? `${event.status} (re-annotated)` : event.status;
      const detail = event.error && event.status !== 'ok' ? ` — ${event.error}` : '';
      write(`${what.padEnd(9)} ${shortName(event.file)} (${event.pages} p)${detail}`);
    },
    finish(summary) {
      bar?.stop();
      const rate = summary.processedPages / Math.max(summary.seconds, 0.001);
      write(
        `done in ${summary.seconds.toFixed(1)} s: ${summary.ok} ok, ${summary.flagged} flagged, ${summary.failed} failed, ` +
          `${summary.skipped} skipped (unchanged), ${summary.missing} missing; ${summary.processedPages} pages extracted (${rate.toFixed(1)} pages/s)` +
          (summary.reannotated ? `; ${summary.reannotated} re-annotated from the store (annotators or their data changed)` : ''),
      );
      if (summary.flaggedDocuments.length) {
        write('\nflagged (processed, but the text is not trustworthy; not annotated):');
        for (const f of summary.flaggedDocuments) write(`  ${shortName(f.file)}: ${f.reason}`);
      }
      if (summary.failures.length) {
        write('\nfailed:');
        for (const f of summary.failures) write(`  ${shortName(f.file)}: ${f.reason}${f.unchanged ? ' (unchanged since an earlier run)' : ''}`);
      }
    },
  };
}

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs an ES module snippet in a fresh Node process (with tsx, from the repo root) and parses its last line. */
function inFreshProcess(code: string): Record<string, boolean> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, boolean>;
}

const NATIVES = `
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify, toString: Function.prototype.toString };
  const same = () => ({ push: Array.prototype.push === natives.push, parse: JSON.parse === natives.parse,
    stringify: JSON.stringify === natives.stringify, toString: Function.prototype.toString === natives.toString });`;

describe('preparePdfjsThread', () => {
  it('is needed: loading pdfjs-dist alone replaces native push, JSON.parse/stringify and toString with polyfills', () => {
    const result = inFreshProcess(`${NATIVES}
      await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      console.log(JSON.stringify(same()));`);
    expect(result).toEqual({ push: false, parse: false, stringify: false, toString: false });
  });

  it('loads pdfjs-dist, puts the natives back, keeps the methods it adds, and installs the one-call DecompressionStream', () => {
    const result = inFreshProcess(`${NATIVES}
      const { preparePdfjsThread } = await import('./src/extract/prepare-pdfjs-thread.ts');
      const { SyncDecompressionStream } = await import('./src/extract/sync-decompression-stream.ts');
      await preparePdfjsThread();
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      console.log(JSON.stringify({ ...same(), pdfjsLoaded: typeof getDocument === 'function',
        withResolvers: typeof Promise.withResolvers === 'function', decompression: globalThis.DecompressionStream === SyncDecompressionStream }));`);
    expect(result).toEqual({ push: true, parse: true, stringify: true, toString: true, pdfjsLoaded: true, withResolvers: true, decompression: true });
  });
});

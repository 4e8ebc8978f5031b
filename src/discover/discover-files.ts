/**
 * Discovery: input paths → the .pdf, .txt and .md files under them, recursively, in a stable order.
 * Directory loops (symlinks back up the tree) are visited once; unreadable folders and files, and
 * named pipes, sockets or devices with an input's name (never opened: reading one may block forever),
 * become problems that the run records and reports instead of stopping.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export const INPUT_EXTENSIONS = new Set(['.pdf', '.txt', '.md']);

export interface DiscoveredFile {
  readonly file: string;
  readonly bytes: number;
  readonly mtimeMs: number;
}

export interface DiscoveryProblem {
  readonly file: string;
  readonly reason: string;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly problems: DiscoveryProblem[];
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}

export function discoverFiles(inputs: readonly string[]): Discovery {
  const files = new Map<string, DiscoveredFile>();
  const problems: DiscoveryProblem[] = [];
  const seenDirs = new Set<string>();

  const visit = (p: string, explicit: boolean): void => {
    let st;
    try {
      st = statSync(p);
    } catch (error) {
      const code = errorCode(error);
      const reason = code === 'ELOOP' ? 'symbolic link loop; skipped'
        : code === 'ENOENT' ? (explicit ? 'no such file or folder' : 'broken symbolic link; skipped')
        : `cannot read (${code})`;
      problems.push({ file: p, reason });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (error) {
        problems.push({ file: p, reason: `cannot resolve folder (${errorCode(error)})` });
        return;
      }
      if (seenDirs.has(real)) {
        if (!explicit) problems.push({ file: p, reason: `folder loop: ${p} leads back to ${real}, visited once` });
        return;
      }
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (error) {
        problems.push({ file: p, reason: `cannot list folder (${errorCode(error)}); check its permissions` });
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        visit(path.join(p, entry), false);
      }
      return;
    }
    if (!explicit && !INPUT_EXTENSIONS.has(path.extname(p).toLowerCase())) return;
    if (!st.isFile()) {
      // A FIFO, socket or device named like an input: reading it could block the run forever.
      problems.push({ file: p, reason: `not a regular file (${kindOf(st)}); skipped; replace it with the file itself or remove it from the input` });
      return;
    }
    const file = path.resolve(p);
    if (!files.has(file)) files.set(file, { file, bytes: st.size, mtimeMs: st.mtimeMs });
  };

  for (const input of inputs) visit(path.resolve(input), true);
  return { files: [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), problems };
}

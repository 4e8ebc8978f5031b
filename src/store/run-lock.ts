/**
 * One writer per store: `telaah run` takes `<db>.lock` (holding its pid) for the whole run. A second run
 * on the same store refuses with a clear message instead of interleaving writes; a lock left by a
 * killed process (its pid no longer alive) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class StoreLockedError extends Error {
  constructor(readonly pid: number, db: string) {
    super(`another telaah run (pid ${pid}) is writing ${db}; wait for it to finish, or pass another --db`);
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireRunLock(db: string): () => void {
  const lockFile = `${db}.lock`;
  mkdirSync(path.dirname(path.resolve(lockFile)), { recursive: true }); // a first run creates output/
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) throw new StoreLockedError(pid, db);
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`cannot take the lock ${lockFile}`);
}

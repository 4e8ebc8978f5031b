/**
 * Corpus-level work after the documents of a run are written (grouping references into works,
 * refreshing derived tables) and keeping the store tidy. Runs in its own short transactions.
 */
import type { Db } from './open-store.js';

export function afterRun(db: Db): void {
  // Merge the FTS index segments written during the run so searches stay fast.
  db.exec("INSERT INTO segments_fts(segments_fts) VALUES ('optimize')");
  db.pragma('wal_checkpoint(PASSIVE)');
}

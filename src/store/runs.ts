/**
 * Run records: each run stores its frozen configuration and annotator versions, and its counts when
 * it ends, so every row in the store can be traced to the run and configuration that wrote it.
 */
import type { Db } from './open-store.js';

export interface RunCounts {
  ok: number;
  flagged: number;
  failed: number;
  skipped: number;
  missing: number;
  pages: number;
}

export function startRun(db: Db, info: { telaahVersion: string; pipelineVersion: string; config: unknown; annotators: unknown }): number {
  const result = db
    .prepare(`INSERT INTO runs (started_at, telaah_version, pipeline_version, config_json, annotators_json) VALUES (?, ?, ?, ?, ?)`)
    .run(new Date().toISOString(), info.telaahVersion, info.pipelineVersion, JSON.stringify(info.config), JSON.stringify(info.annotators));
  return Number(result.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, status: 'complete' | 'partial' | 'interrupted', counts: RunCounts, seconds: number): void {
  db.prepare(`UPDATE runs SET finished_at = ?, status = ?, documents_ok = ?, documents_flagged = ?, documents_failed = ?,
    documents_skipped = ?, documents_missing = ?, pages = ?, seconds = ? WHERE id = ?`).run(
    new Date().toISOString(), status, counts.ok, counts.flagged, counts.failed, counts.skipped, counts.missing, counts.pages, seconds, runId,
  );
}

/** The frozen configuration of the latest run, or null for a store no run has finished writing. */
export function lastRunConfig(db: Db): { baseDir?: string; stages?: { themes?: { codebook?: string } } } | null {
  const row = db.prepare('SELECT config_json FROM runs ORDER BY id DESC LIMIT 1').get() as { config_json: string } | undefined;
  return row ? JSON.parse(row.config_json) : null;
}

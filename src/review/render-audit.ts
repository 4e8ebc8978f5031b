/**
 * The audit log: every decision ever recorded, oldest first, with who, when, what the target was and
 * what it became; decisions whose target is gone are marked orphaned. Exports as CSV or JSON.
 */
import type { DecisionRow } from '../store/review-store.js';
import { html } from './html.js';
import { renderLayout } from './render-layout.js';
import { renderDecisionTable } from './render-reader.js';
import type { ReviewContext } from './review-context.js';
import { orphanedDecisionIds } from './review-targets.js';

export function renderAudit(ctx: ReviewContext, reviewer: string | undefined): string {
  const decisions = ctx.store.decisions(reviewer ? { reviewer } : {});
  const orphaned = orphanedDecisionIds(ctx.store, decisions);
  const body = html`<h1>Audit log</h1>
<p class="meta">${decisions.length} decision(s)${reviewer ? html` by ${reviewer}` : ''}, ${orphaned.size} orphaned. Append-only: an undo is a new record.
  Export: <a href="/audit.csv" download>CSV</a> · <a href="/audit.json" download>JSON</a></p>
${renderDecisionTable(decisions, orphaned)}`;
  return renderLayout('Audit log', ctx.viewer, body, { active: '/audit' });
}

const CSV_COLUMNS = ['id', 'createdAt', 'reviewer', 'action', 'targetKind', 'documentSha256', 'documentFile', 'start', 'end', 'targetKey',
  'surface', 'previousStatus', 'newStatus', 'newKey', 'memo', 'undoes', 'blind', 'adjudication', 'orphaned'] as const;

function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The decision log as records (JSON export) with the orphaned flag. */
export function auditRecords(ctx: ReviewContext): (DecisionRow & { orphaned: boolean })[] {
  const decisions = ctx.store.decisions();
  const orphaned = orphanedDecisionIds(ctx.store, decisions);
  return decisions.map((d) => ({ ...d, orphaned: orphaned.has(d.id) }));
}

export function auditCsv(ctx: ReviewContext): string {
  const rows = auditRecords(ctx);
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

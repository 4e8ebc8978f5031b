/**
 * The merge view: every target on which reviewers' standing decisions differ, each reviewer's decision
 * side by side and attributed, with buttons that record an adjudication (which then decides the shared
 * status; adjudications are left out of agreement figures). Not shown to a reviewer working blind.
 */
import { deriveStatus, groupByTarget } from './derive-status.js';
import { html } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext } from './review-context.js';

export function disagreements(ctx: ReviewContext) {
  const docs = ctx.store.documentsBySha();
  const out = [];
  for (const [, list] of groupByTarget(ctx.store.decisions())) {
    const derived = deriveStatus(list);
    const verdicts = new Set([...derived.byReviewer.values()].map((s) => `${s.status}|${s.newKey ?? ''}`));
    if (derived.byReviewer.size < 2 || verdicts.size < 2) continue;
    out.push({ first: list[0], derived, doc: docs.get(list[0].documentSha256) ?? null });
  }
  return out;
}

export function renderMerge(ctx: ReviewContext): string {
  if (ctx.viewer.blind) {
    return renderLayout('Merge', ctx.viewer, html`<h1>Merge</h1><p class="banner">You are reviewing blind. Turn blind review off to see and adjudicate others' decisions.</p>`, { active: '/merge' });
  }
  const items = disagreements(ctx);
  const reviewers = [...new Set(items.flatMap((i) => [...i.derived.byReviewer.keys()]))].sort();
  const body = html`<h1>Merge: disagreements</h1>
<p class="meta">${items.length} target(s) on which reviewers disagree. An adjudication decides the shared status.</p>
<table class="merge" id="merge"><thead><tr><th>document</th><th>target</th><th>text</th>${reviewers.map((r) => html`<th>${r}</th>`)}<th>adjudication</th></tr></thead><tbody>
${items.map(({ first, derived, doc }) => html`<tr class="item" data-kind="${first.targetKind}" data-sha="${first.documentSha256}" data-start="${first.start}" data-end="${first.end}" data-key="${first.targetKey}" data-file="${first.documentFile ?? ''}">
  <td>${doc ? html`<a href="/doc/${doc.documentId}?at=${first.start}#at">${doc.title ?? doc.file}</a>` : html`<span class="badge orphaned">orphaned</span> ${first.documentFile ?? ''}`}</td>
  <td>${first.targetKind} ${first.targetKey}</td><td class="surface">${first.surface ?? ''}</td>
  ${reviewers.map((r) => {
    const s = derived.byReviewer.get(r);
    return html`<td class="${s ? `st-${s.status}` : ''}">${s ? `${s.status}${s.newKey ? ` → ${s.newKey}` : ''}` : '—'}</td>`;
  })}
  <td>${derived.adjudicated ? html`<strong>${derived.status}</strong> ` : ''}<button type="button" data-adjudicate="accept">accept</button> <button type="button" data-adjudicate="reject">reject</button></td></tr>`)}
</tbody></table>`;
  return renderLayout('Merge', ctx.viewer, body, { active: '/merge', bodyClass: 'merge-page' });
}

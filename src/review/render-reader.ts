/**
 * The document reader: the normalized text page by page with every reviewable span highlighted (one
 * style per kind, each kind toggleable), footnote markers linked to their notes and back, statute
 * provisions (Pasal/ayat) in the margin, a details panel filled by the client when a span is clicked,
 * manual coding of a text selection, and the decisions orphaned by an earlier version of the file.
 */
import type { DecisionRow, ReviewDocumentRow } from '../store/review-store.js';
import { escapeHtml, html, jsonForScript, raw, type RawHtml } from './html.js';
import { renderLayout } from './render-layout.js';
import { renderText, type Highlight, type Insert } from './render-text.js';
import type { ReviewContext } from './review-context.js';
import { documentTargets, type ReviewTarget } from './review-targets.js';

export const KIND_CLASS: Record<string, string> = {
  'instrument-mention': 'k-instrument', reference: 'k-reference', 'theme-code': 'k-theme', claim: 'k-claim',
};

export const KIND_LABEL: Record<string, string> = {
  'k-instrument': 'Instruments', 'k-reference': 'Citations', 'k-theme': 'Theme codes', 'k-theme-paragraph': 'Paragraph theme codes',
  'k-claim': 'Ratification claims', 'k-other': 'Other',
};

export function kindClass(t: Pick<ReviewTarget, 'kind' | 'annotation'>): string {
  if (t.kind === 'theme-code' && t.annotation?.data.level === 'paragraph') return 'k-theme-paragraph';
  return KIND_CLASS[t.kind] ?? 'k-other';
}

export function targetJson(t: ReviewTarget, text: string) {
  return {
    id: t.id, origin: t.origin, kind: t.kind, start: t.start, end: t.end, key: t.key,
    surface: text.slice(t.start, Math.min(t.end, t.start + 400)),
    rule: t.annotation?.rule ?? 'manual', source: t.annotation?.source ?? 'reviewer', version: t.annotation?.version ?? '',
    data: t.annotation?.data ?? {}, status: t.derived.status, newKey: t.derived.newKey, adjudicated: t.derived.adjudicated,
    reviewers: [...t.derived.byReviewer].map(([reviewer, s]) => ({ reviewer, status: s.status, newKey: s.newKey, at: s.decision.createdAt })),
    memos: t.derived.memos.map((m) => ({ reviewer: m.reviewer, memo: m.memo, at: m.createdAt })),
  };
}

export function renderDecisionTable(decisions: readonly DecisionRow[], orphaned: ReadonlySet<number> | null): RawHtml {
  return html`<table class="decisions"><thead><tr><th>#</th><th>when</th><th>reviewer</th><th>action</th><th>target</th><th>text</th>
    <th>was → became</th><th>memo</th><th></th></tr></thead><tbody>
    ${decisions.map((d) => html`<tr class="${orphaned?.has(d.id) ? 'orphaned' : ''}">
      <td>${d.id}</td><td>${d.createdAt.replace('T', ' ').slice(0, 19)}</td><td>${d.reviewer}</td>
      <td>${d.action}${d.undoes ? ` #${d.undoes}` : ''}${d.adjudication ? ' (adjudication)' : ''}${d.blind ? ' (blind)' : ''}</td>
      <td>${d.targetKind} ${d.targetKey} [${d.start}–${d.end}] <span class="muted">${d.documentSha256.slice(0, 12)}</span></td>
      <td class="surface">${d.surface ?? ''}</td>
      <td>${d.previousStatus ?? ''} → ${d.newStatus ?? ''}${d.newKey ? ` (${d.newKey})` : ''}</td>
      <td>${d.memo ?? ''}</td><td>${orphaned?.has(d.id) ? html`<span class="badge orphaned">orphaned</span>` : ''}</td></tr>`)}
    </tbody></table>`;
}

export function renderReader(ctx: ReviewContext, doc: ReviewDocumentRow, at: number | null): string {
  const text = ctx.store.text(doc.id);
  const title = doc.title ?? doc.file;
  if (!text) {
    return renderLayout(title, ctx.viewer, html`<h1>${title}</h1><p class="error">No text stored for this document (${doc.status}: ${doc.error ?? 'no reason given'}).</p>`);
  }
  const { targets, orphaned } = documentTargets(ctx.store, doc, ctx.viewer);
  const highlights: Highlight[] = targets.map((t) => ({ id: t.id, start: t.start, end: t.end, className: `${kindClass(t)} st-${t.derived.status}` }));
  const notesStart = Math.min(text.notesStart, text.text.length);
  // Footnotes are numbered per document or per page; a marker goes to the note with its number on its page, else the first with its number.
  const noteIndex = new Map<string, number>();
  text.footnotes.forEach((f, i) => {
    noteIndex.set(`${f.page}|${f.number}`, i);
    if (!noteIndex.has(`*|${f.number}`)) noteIndex.set(`*|${f.number}`, i);
  });
  const backLink = new Map<number, number>();
  const inserts: Insert[] = [];
  text.markers.forEach((m, k) => {
    const target = noteIndex.get(`${m.page}|${m.number}`) ?? noteIndex.get(`*|${m.number}`);
    if (target !== undefined && !backLink.has(target)) backLink.set(target, k);
    inserts.push({
      at: m.start,
      html: target === undefined
        ? `<sup class="marker unlinked" id="m-${k}" title="no note found">${m.number}</sup>`
        : `<a class="marker" id="m-${k}" href="#fn-${target}" data-note="${target}"><sup>${m.number}</sup></a>`,
    });
  });
  text.footnotes.forEach((f, i) => {
    const back = backLink.get(i);
    inserts.push({
      at: f.start,
      html: `<span class="note-start" id="fn-${i}">${back === undefined ? '' : `<a class="note-back" href="#m-${back}" title="back to the text">↩</a>`}</span>`,
    });
  });
  for (const p of text.provisions) {
    inserts.push({ at: p.start, html: `<span class="provision" title="${escapeHtml(p.kind)}">${escapeHtml(p.label)}</span>` });
  }
  for (const p of text.pages) {
    if (p.start > 0 && p.start < notesStart) inserts.push({ at: p.start, html: `<span class="page-break" data-page="${p.number}">page ${escapeHtml(p.label ?? p.number)}</span>` });
  }
  if (at !== null && at >= 0 && at <= text.text.length) inserts.push({ at, html: '<span id="at" class="at"></span>' });
  const classes = [...new Set(highlights.map((h) => h.className.split(' ')[0]))].sort();
  const body = html`
<h1>${title}</h1>
<p class="meta">${doc.file} · ${doc.language ?? 'und'} · ${doc.pages} page(s) · ${doc.status}${doc.error ? ` (${doc.error})` : ''}</p>
<div class="toggles" id="toggles">${classes.map((c) => html`<label class="${c}"><input type="checkbox" data-kind="${c}" ${raw(c === 'k-theme-paragraph' ? '' : 'checked')}> ${KIND_LABEL[c] ?? c}</label>`)}</div>
<div class="reader" id="reader" data-sha="${doc.sha256 ?? ''}" data-document="${doc.documentId}" data-file="${doc.file}">
  <article class="text" id="text"><div class="page-break first">page ${text.pages[0]?.label ?? text.pages[0]?.number ?? 1}</div>${raw(renderText(text.text, 0, notesStart, highlights, inserts))}</article>
  <aside class="details" id="details"><p class="muted">Click a highlighted span for its details. Select text to code it by hand.</p></aside>
</div>
${notesStart < text.text.length ? html`<section class="notes" id="notes"><h2>Notes</h2><div class="text notes-text">${raw(renderText(text.text, notesStart, text.text.length, highlights, inserts))}</div></section>` : ''}
${orphaned.length ? html`<section class="orphans" id="orphans"><h2>Orphaned decisions (${orphaned.length})</h2>
  <p class="muted">Made on an earlier version of this file or on spans the current run no longer produces. They are kept in the log.</p>
  ${renderDecisionTable(orphaned, new Set(orphaned.map((d) => d.id)))}</section>` : ''}
<form id="code-selection" class="popup" hidden>
  <p>Code the selected text: <q id="selection-text"></q></p>
  <select id="selection-theme">${ctx.themes().map((t) => html`<option value="${t.id}">${t.name}</option>`)}</select>
  <input id="selection-memo" placeholder="memo (optional)" maxlength="2000">
  <button type="submit">Apply theme</button> <button type="button" id="selection-cancel">Cancel</button>
</form>
<script type="application/json" id="targets-data">${jsonForScript(targets.map((t) => targetJson(t, text.text)))}</script>
<script type="application/json" id="themes-data">${jsonForScript(ctx.themes())}</script>`;
  return renderLayout(title, ctx.viewer, body, { bodyClass: 'reader-page hide-k-theme-paragraph' });
}

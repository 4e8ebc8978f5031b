/**
 * The overview: documents with status, language, pages, annotation counts and review progress; the most
 * cited instruments with Indonesia's status; a theme × document heatmap of sentence codes; ratification
 * claims flagged as contradicting the registry; failed documents with their reasons.
 */
import { html } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext } from './review-context.js';

export function renderOverview(ctx: ReviewContext): string {
  const { store } = ctx;
  const documents = store.documents();
  const counts = new Map<number, Map<string, number>>();
  for (const c of store.annotationCounts()) {
    if (!counts.has(c.document)) counts.set(c.document, new Map());
    counts.get(c.document)!.set(c.kind, c.count);
  }
  const decided = new Map<string, number>();
  for (const d of store.decisions()) decided.set(d.documentSha256, (decided.get(d.documentSha256) ?? 0) + 1);
  const live = documents.filter((d) => d.status === 'ok' || d.status === 'flagged');
  const failed = documents.filter((d) => d.status === 'failed');
  const instruments = store.topInstruments(15);
  const heat = store.themeHeatmap();
  const themes = [...new Map(heat.map((h) => [h.themeId, h.themeName])).entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const cell = new Map(heat.map((h) => [`${h.document}|${h.themeId}`, h.count]));
  const max = Math.max(1, ...heat.map((h) => h.count));
  const claims = store.flaggedClaims(50);
  const count = (id: number, kind: string) => counts.get(id)?.get(kind) ?? 0;
  const body = html`
<h1>Overview</h1>
<p class="meta">${live.length} document(s) readable, ${failed.length} failed, ${documents.length - live.length - failed.length} missing.</p>
<section><h2>Documents</h2>
<table class="documents" id="documents"><thead><tr><th>document</th><th>status</th><th>language</th><th>pages</th>
<th>instruments</th><th>citations</th><th>theme codes</th><th>claims</th><th>decisions</th></tr></thead><tbody>
${live.map((d) => html`<tr><td><a href="/doc/${d.documentId}">${d.title ?? d.file}</a></td><td><span class="badge ${d.status}">${d.status}</span>${d.error ? html` <span class="muted">${d.error}</span>` : ''}</td>
<td>${d.language ?? 'und'}</td><td>${d.pages}</td><td>${count(d.id, 'instrument-mention')}</td><td>${count(d.id, 'reference')}</td>
<td>${count(d.id, 'theme-code')}</td><td>${count(d.id, 'claim')}</td><td>${decided.get(d.sha256 ?? '') ?? 0}</td></tr>`)}
</tbody></table></section>
<section><h2>Top instruments</h2>
${instruments.length ? html`<table><thead><tr><th>instrument</th><th>mentions</th><th>documents</th><th>Indonesia's status</th><th></th></tr></thead><tbody>
${instruments.map((i) => html`<tr><td>${i.name}</td><td>${i.mentions}</td><td>${i.documents}</td><td>${i.indonesiaStatus ?? 'unknown'}</td>
<td><a href="/queue?instrument=${encodeURIComponent(i.instrumentId)}">review</a> · <a href="/search?instrument=${encodeURIComponent(i.instrumentId)}">search</a></td></tr>`)}
</tbody></table>` : html`<p class="muted">No instrument mentions in the store.</p>`}</section>
<section><h2>Themes × documents</h2>
${themes.length ? html`<div class="scroll"><table class="heatmap" id="heatmap"><thead><tr><th>document</th>${themes.map(([id, name]) => html`<th title="${id}"><a href="/queue?theme=${encodeURIComponent(id)}">${name}</a></th>`)}</tr></thead><tbody>
${live.map((d) => html`<tr><th><a href="/doc/${d.documentId}">${d.title ?? d.file}</a></th>${themes.map(([id]) => {
    const n = cell.get(`${d.id}|${id}`) ?? 0;
    return html`<td class="heat h${n ? Math.min(5, Math.ceil((5 * n) / max)) : 0}" title="${n} sentence code(s)">${n || ''}</td>`;
  })}</tr>`)}</tbody></table></div>` : html`<p class="muted">No theme codes in the store.</p>`}</section>
<section><h2>Flagged ratification claims</h2>
${claims.length ? html`<ul class="claims">${claims.map((c) => html`<li><a href="/doc/${c.documentId}?at=${c.start}#at">${c.title ?? c.documentId}</a>: <q>${c.surface}</q>
  <span class="muted">${String(c.data.reason ?? c.data.contradiction ?? c.data.state ?? '')}</span></li>`)}</ul>` : html`<p class="muted">No contradicted claims.</p>`}</section>
<section><h2>Failures</h2>
${failed.length ? html`<table id="failures"><thead><tr><th>file</th><th>reason</th></tr></thead><tbody>${failed.map((d) => html`<tr><td>${d.file}</td><td>${d.error ?? ''}</td></tr>`)}</tbody></table>` : html`<p class="muted">None.</p>`}</section>`;
  return renderLayout('Overview', ctx.viewer, body, { active: '/' });
}

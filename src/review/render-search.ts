/**
 * Full-text search over sentences (FTS5, bm25) with filters for instrument, theme, document and
 * language; each hit links into the reader at its sentence. The snippet is escaped before its match
 * markers (control characters chosen by the store query) become <mark>. Above the store's exact-ranking
 * limit the hits are the best of an even sample of the matches, and the page says so.
 */
import { toFtsQuery } from '../store/search.js';
import { escapeHtml, html, raw } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext } from './review-context.js';
import type { ReviewSearchResult } from '../store/review-store.js';

export interface SearchQuery {
  readonly q?: string;
  readonly instrument?: string;
  readonly theme?: string;
  readonly document?: string;
  readonly language?: string;
}

export function renderSearch(ctx: ReviewContext, q: SearchQuery): string {
  const fts = toFtsQuery(q.q ?? '');
  const result = fts
    ? ctx.store.search({ query: fts, instrumentId: q.instrument || undefined, themeId: q.theme || undefined, documentId: q.document || undefined, language: q.language || undefined, limit: 100 })
    : null;
  const hits = result?.hits ?? [];
  const documents = ctx.store.documents().filter((d) => d.status === 'ok' || d.status === 'flagged');
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}" ${raw((current ?? '') === value ? 'selected' : '')}>${label}</option>`;
  const body = html`<h1>Search</h1>
<form method="get" action="/search" class="filters" id="search-form">
  <input name="q" id="search-q" value="${q.q ?? ''}" placeholder='words or "a phrase"; prefix*' size="40" autofocus>
  <label>instrument <select name="instrument">${option('', 'any', q.instrument)}${ctx.store.instrumentsMentioned().map((i) => option(i.instrumentId, i.name, q.instrument))}</select></label>
  <label>theme <select name="theme">${option('', 'any', q.theme)}${ctx.themes().map((t) => option(t.id, t.name, q.theme))}</select></label>
  <label>document <select name="document">${option('', 'any', q.document)}${documents.map((d) => option(d.documentId, d.title ?? d.file, q.document))}</select></label>
  <label>language <select name="language">${['', 'id', 'en'].map((l) => option(l, l || 'any', q.language))}</select></label>
  <button type="submit">Search</button>
</form>
${result ? html`<p class="meta" id="hits-meta">${searchSummary(result)}</p>` : ''}
<ol class="hits" id="hits">${hits.map((h) => html`<li><a href="/doc/${h.documentId}?at=${h.start}#at">${h.title ?? h.file}</a> <span class="muted">p. ${h.page} · ${h.language}</span>
  <p>${raw(escapeHtml(h.snippet).replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>'))}</p></li>`)}</ol>`;
  return renderLayout('Search', ctx.viewer, body, { active: '/search' });
}

/** "100 of 238,576 matching sentences, ranked among an even sample of 4,886; add words to narrow." */
export function searchSummary(r: Omit<ReviewSearchResult, 'hits'> & { readonly hits: readonly unknown[] }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const total = `${r.totalEstimated ? 'about ' : ''}${n(r.total)}`;
  const shown = r.hits.length < r.total ? `${n(r.hits.length)} of ${total}` : total;
  const sentences = `${shown} matching sentence${r.total === 1 ? '' : 's'}`;
  return r.sampled ? `${sentences}, ranked among an even sample of ${n(r.ranked)}; add words to narrow.` : `${sentences}.`;
}

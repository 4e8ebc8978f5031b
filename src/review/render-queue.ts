/**
 * The review queue for one theme (or one instrument): the proposed codes one by one, each sentence shown
 * in its paragraph, with status, score and evidence; filters by document, language, status, score and
 * level; keyboard-first actions (j/k move, a accept, r reject, t change theme, m memo, u undo) and bulk
 * accept of the filtered set, both done by the client script against the decisions API.
 */
import type { QueueRow } from '../store/review-store.js';
import { deriveStatus, groupByTarget, targetId, type DerivedStatus } from './derive-status.js';
import { html, jsonForScript, raw, type RawHtml } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext } from './review-context.js';
import { targetKey } from './target-key.js';

export interface QueueQuery {
  readonly theme?: string;
  readonly instrument?: string;
  readonly document?: string;
  readonly language?: string;
  readonly status?: string;
  readonly min?: number;
  readonly max?: number;
  readonly level?: string;
  readonly limit?: number;
}

export interface QueueItem {
  readonly row: QueueRow;
  readonly key: string;
  readonly derived: DerivedStatus;
}

export function queueItems(ctx: ReviewContext, q: QueueQuery): QueueItem[] {
  const rows = ctx.store.queue({
    kind: q.instrument ? 'instrument-mention' : 'theme-code',
    keyPath: q.instrument ? '$.instrumentId' : '$.themeId',
    key: q.instrument ?? q.theme,
    documentId: q.document || undefined, language: q.language || undefined,
    minScore: q.min, maxScore: q.max,
    level: q.instrument ? undefined : q.level === 'any' ? undefined : (q.level || 'sentence'),
    limit: Math.min(q.limit ?? 500, 5000),
  });
  const groups = groupByTarget(ctx.store.decisions());
  return rows
    .map((row) => {
      const key = targetKey(row);
      const id = targetId({ documentSha256: row.sha256, targetKind: row.kind, start: row.start, end: row.end, targetKey: key });
      return { row, key, derived: deriveStatus(groups.get(id) ?? [], ctx.viewer) };
    })
    .filter((item) => !q.status || q.status === 'any' || item.derived.status === q.status);
}

function contextHtml(row: QueueRow): RawHtml {
  if (!row.context) return html`<mark>${row.data.surface ?? ''}</mark>`;
  const { start, text } = row.context;
  const s = row.sentence ?? { start: row.start, end: row.end };
  const cut = (a: number) => Math.max(0, Math.min(text.length, a - start));
  const [s0, s1, a0, a1] = [cut(s.start), cut(s.end), cut(row.start), cut(row.end)];
  // paragraph … [sentence … <mark>annotation</mark> …] …
  return html`${text.slice(0, s0)}<span class="sentence">${text.slice(s0, Math.max(s0, a0))}<mark>${text.slice(a0, a1)}</mark>${text.slice(Math.max(a1, s0), Math.max(s1, a1))}</span>${text.slice(Math.max(s1, a1))}`;
}

function evidence(row: QueueRow): string {
  const ev = Array.isArray(row.data.evidence) ? (row.data.evidence as { rule?: unknown; terms?: unknown }[]) : [];
  return ev.map((e) => `${String(e.rule ?? '')}${Array.isArray(e.terms) ? ` (${e.terms.map(String).join(', ')})` : ''}`).join('; ');
}

export function renderQueue(ctx: ReviewContext, q: QueueQuery): string {
  const themes = ctx.themes();
  const instruments = ctx.store.instrumentsMentioned();
  const documents = ctx.store.documents().filter((d) => d.status === 'ok' || d.status === 'flagged');
  if (!q.theme && !q.instrument) {
    const counts = new Map(ctx.store.themes().map((t) => [t.themeId, t.count]));
    const body = html`<h1>Review queues</h1>
<section><h2>By theme</h2><ul class="queues">${themes.map((t) => html`<li><a href="/queue?theme=${encodeURIComponent(t.id)}">${t.name}</a> <span class="muted">${counts.get(t.id) ?? 0} code(s)</span></li>`)}</ul></section>
<section><h2>By instrument</h2><ul class="queues">${instruments.map((i) => html`<li><a href="/queue?instrument=${encodeURIComponent(i.instrumentId)}">${i.name}</a> <span class="muted">${i.count} mention(s)</span></li>`)}</ul></section>`;
    return renderLayout('Queues', ctx.viewer, body, { active: '/queue' });
  }
  const items = queueItems(ctx, q);
  const name = q.theme ? (themes.find((t) => t.id === q.theme)?.name ?? q.theme) : (instruments.find((i) => i.instrumentId === q.instrument)?.name ?? q.instrument);
  const option = (value: string, label: string, current: string | undefined) => html`<option value="${value}" ${raw(current === value ? 'selected' : '')}>${label}</option>`;
  const body = html`
<h1>Queue: ${name}</h1>
<form class="filters" method="get" action="/queue" id="filters">
  ${q.theme ? html`<input type="hidden" name="theme" value="${q.theme}">` : html`<input type="hidden" name="instrument" value="${q.instrument ?? ''}">`}
  <label>document <select name="document">${option('', 'all', q.document ?? '')}${documents.map((d) => option(d.documentId, d.title ?? d.file, q.document))}</select></label>
  <label>language <select name="language">${option('', 'all', q.language ?? '')}${['id', 'en', 'und'].map((l) => option(l, l, q.language))}</select></label>
  <label>status <select name="status">${['any', 'pending', 'accepted', 'rejected', 'recoded'].map((s) => option(s, s, q.status ?? 'any'))}</select></label>
  ${q.theme ? html`<label>score ≥ <input name="min" type="number" step="any" value="${q.min ?? ''}" size="4"></label>
  <label>≤ <input name="max" type="number" step="any" value="${q.max ?? ''}" size="4"></label>
  <label>level <select name="level">${['sentence', 'paragraph', 'any'].map((l) => option(l, l, q.level || 'sentence'))}</select></label>` : ''}
  <button type="submit">Filter</button>
</form>
<p class="meta"><span id="queue-count">${items.length}</span> item(s) shown${ctx.viewer.blind ? ' (blind: only your own decisions are shown)' : ''}.
  Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>a</kbd> accept, <kbd>r</kbd> reject, <kbd>t</kbd> change theme, <kbd>m</kbd> memo, <kbd>u</kbd> undo.
  <button type="button" id="bulk-accept" ${raw(items.length ? '' : 'disabled')}>Accept all ${items.length} shown…</button></p>
<ol class="queue" id="queue">
${items.map(({ row, key, derived }, i) => html`<li class="item st-${derived.status}${i === 0 ? ' current' : ''}" tabindex="-1"
  data-kind="${row.kind}" data-sha="${row.sha256}" data-start="${row.start}" data-end="${row.end}" data-key="${key}" data-file="${row.file}">
  <div class="item-head"><span class="badge status">${derived.status}${derived.newKey ? ` → ${derived.newKey}` : ''}</span>
    <a href="/doc/${row.documentId}?at=${row.start}#at">${row.title ?? row.file}</a>
    <span class="muted">${row.language}${typeof row.data.score === 'number' ? ` · score ${row.data.score}` : ''} · ${row.rule}</span>
    ${ctx.viewer.blind ? '' : html`<span class="who">${[...derived.byReviewer].map(([r, s]) => `${r}: ${s.status}`).join('; ')}</span>`}</div>
  <p class="context">${contextHtml(row)}</p>
  ${evidence(row) ? html`<p class="evidence muted">evidence: ${evidence(row)}</p>` : ''}
  ${derived.memos.length ? html`<p class="memos">${derived.memos.map((m) => html`<span class="memo">${m.reviewer}: ${m.memo}</span> `)}</p>` : ''}
</li>`)}
</ol>
<script type="application/json" id="themes-data">${jsonForScript(themes)}</script>`;
  return renderLayout(`Queue: ${name}`, ctx.viewer, body, { active: '/queue', bodyClass: 'queue-page' });
}

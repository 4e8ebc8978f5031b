/**
 * The page frame shared by every view: navigation, the reviewer's name (chosen once per browser, kept in
 * localStorage and mirrored to a cookie so server-rendered pages know who is looking) and the blind
 * review switch. Scripts and styles come from this server only (no CDN; the CSP forbids anything else).
 */
import { html, raw, type RawHtml } from './html.js';
import type { Viewer } from './review-context.js';

const NAV = [
  ['/', 'Overview'], ['/queue', 'Queue'], ['/search', 'Search'], ['/audit', 'Audit log'], ['/merge', 'Merge'], ['/agreement', 'Agreement'],
] as const;

export function renderLayout(title: string, viewer: Viewer, body: RawHtml, options: { active?: string; bodyClass?: string } = {}): string {
  return '<!doctype html>\n' + html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Telaah review</title>
<link rel="stylesheet" href="/assets/review.css">
<script src="/assets/review.js" defer></script>
</head><body class="${options.bodyClass ?? ''}">
<header class="top">
  <nav>${NAV.map(([href, label]) => html`<a href="${href}" class="${options.active === href ? 'active' : ''}">${label}</a>`)}</nav>
  <form id="reviewer-form" class="reviewer" autocomplete="off">
    <label>Reviewer <input id="reviewer-name" name="reviewer" maxlength="80" value="${viewer.reviewer}" placeholder="your name" required></label>
    <button type="submit">Save</button>
    <label title="Hide other reviewers' decisions; your decisions are marked blind"><input type="checkbox" id="blind-mode" ${raw(viewer.blind ? 'checked' : '')}> blind review</label>
  </form>
</header>
${viewer.reviewer ? '' : html`<p class="banner" id="name-needed">Choose a reviewer name (top right) before deciding: it is stored with every decision.</p>`}
<main>${body}</main>
<div id="toast" role="status" aria-live="polite"></div>
</body></html>`.__html;
}

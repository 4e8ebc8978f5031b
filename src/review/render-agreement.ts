/**
 * Agreement figures per theme and pooled: Cohen's kappa (two reviewers), Krippendorff's alpha, and the
 * auto-coder's precision and recall against reviewer consensus, at sentence or character level, with
 * uncoded text excluded or included, and the page says which is shown.
 */
import { agreementFromStore, type AgreementLevel } from './agreement.js';
import type { Db } from '../store/open-store.js';
import { html, raw } from './html.js';
import { renderLayout } from './render-layout.js';
import type { ReviewContext } from './review-context.js';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function renderAgreement(ctx: ReviewContext, db: Db, level: AgreementLevel, excludeUncoded: boolean): string {
  const rows = agreementFromStore(db, { level, excludeUncoded });
  const names = new Map(ctx.themes().map((t) => [t.id, t.name]));
  const reviewers = rows[0]?.reviewers ?? [];
  const unit = level === 'sentence' ? 'sentences' : 'characters';
  const link = (l: AgreementLevel, e: boolean, label: string) =>
    html`<a href="/agreement?level=${l}&amp;uncoded=${e ? 'exclude' : 'include'}" class="${l === level && e === excludeUncoded ? 'active' : ''}">${label}</a>`;
  const body = html`<h1>Agreement</h1>
<p class="views">${link('sentence', true, 'sentences, coded only')} · ${link('sentence', false, 'sentences, all')} · ${link('character', true, 'characters, coded only')} · ${link('character', false, 'characters, all')}</p>
<p class="meta" id="agreement-shown">Shown: <strong>${level}</strong> level, text nobody coded <strong>${excludeUncoded ? 'excluded' : 'included (counts as agreement, which inflates the figures)'}</strong>.
 Reviewers: ${reviewers.join(', ') || 'none yet'}. Kappa needs exactly two reviewers; alpha takes any number and missing values.
 Precision and recall compare the auto-coder with reviewer consensus (adjudication, else majority).</p>
<table class="agreement" id="agreement"><thead><tr><th>theme</th><th>${unit} rated by ≥2</th><th>Cohen's κ</th><th>Krippendorff's α</th>
<th>consensus ${unit}</th><th>auto precision</th><th>auto recall</th><th>TP / FP / FN</th></tr></thead><tbody>
${rows.map((r) => html`<tr class="${r.theme === '*' ? 'pooled' : ''}" data-theme="${r.theme}"><td>${r.theme === '*' ? raw('<strong>all themes (pooled)</strong>') : (names.get(r.theme) ?? r.theme)}</td>
<td>${r.units}</td><td class="kappa">${fmt(r.kappa)}</td><td class="alpha">${fmt(r.alpha)}</td><td>${r.consensusUnits}</td>
<td class="precision">${fmt(r.precision)}</td><td class="recall">${fmt(r.recall)}</td><td>${r.truePositives} / ${r.falsePositives} / ${r.falseNegatives}</td></tr>`)}
</tbody></table>
<p class="muted">How a reviewer's coding is read: see docs/review.md. CSV: <a href="/agreement.csv" download>agreement.csv</a>.</p>`;
  return renderLayout('Agreement', ctx.viewer, body, { active: '/agreement' });
}

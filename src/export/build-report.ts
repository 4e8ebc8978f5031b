/**
 * `telaah export --format report`: one self-contained HTML page (inline CSS, no script, no external
 * resource, so it opens offline and can be mailed) summarizing the store for a write-up: the corpus,
 * the most mentioned instruments with Indonesia's status, the theme × document heatmap, theme
 * co-occurrence, the most cited works, flagged ratification claims, and a methods paragraph naming the
 * pipeline, annotator and codebook versions. Every value from documents is HTML-escaped.
 * Counts use the context's `countedCodes()` (rejected codes left out, `--status` applied).
 */
import { documentLabel, type ExportContext } from './export-context.js';
import { themeByDocument, themeCooccurrence } from './theme-matrices.js';

export interface ReportOptions {
  /** Documents shown in the heatmap (the most coded first); the CSV has them all. */
  readonly heatmapDocuments?: number;
  readonly topInstruments?: number;
  readonly topWorks?: number;
  readonly now?: Date;
}

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Cell colour for a value in [0, 1]: white to the theme blue, text flipping to white when dark. */
function heat(x: number): string {
  const t = Math.max(0, Math.min(1, x));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `background:rgb(${mix(255, 31)},${mix(255, 90)},${mix(255, 160)});color:${t > 0.55 ? '#fff' : '#111'}`;
}

const STATUS_LABEL: Record<string, string> = { party: 'party', signatory: 'signatory', 'not-party': 'not party', not_party: 'not party' };

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0;background:#fafafa}
main{max-width:1200px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:28px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:2px solid #1f5aa0;padding-bottom:4px}
.sub{color:#555;margin:0 0 16px}.note{color:#555;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:24px}.card span{color:#555;font-size:13px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #e2e2e2;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:10px;background:#1f5aa0;border-radius:2px;vertical-align:middle;margin-right:6px}
.heat th.rot{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:220px;font-weight:600}
.heat td{text-align:center;min-width:28px}.heat td.doc{text-align:left;max-width:320px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle}
.status-party{color:#17692b;font-weight:600}.status-not-party{color:#a11;font-weight:600}.status-signatory{color:#8a5a00;font-weight:600}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid #c33;background:#fff6f6}
`;

export function buildReport(context: ExportContext, options: ReportOptions = {}): string {
  const now = options.now ?? new Date();
  const documents = context.documents();
  const processed = documents.filter((d) => d.status === 'ok' || d.status === 'flagged');
  const codes = context.countedCodes();
  const themes = context.themes();
  const mentions = context.mentions();
  const citations = context.citations();
  const run = context.latestRun();
  const byStatus = new Map<string, number>();
  for (const d of documents) byStatus.set(d.status, (byStatus.get(d.status) ?? 0) + 1);
  const languages = new Map<string, number>();
  for (const d of processed) languages.set(d.language ?? '?', (languages.get(d.language ?? '?') ?? 0) + 1);
  const sentences = [...context.sentenceCounts().values()].reduce((a, b) => a + b, 0);
  const codeStatus = new Map<string, number>();
  for (const c of context.codes()) codeStatus.set(c.status, (codeStatus.get(c.status) ?? 0) + 1);
  const out: string[] = [];
  const card = (n: number | string, label: string) => `<div class="card"><b>${esc(n)}</b><span>${esc(label)}</span></div>`;

  out.push('<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">', '<title>Telaah report</title>', `<style>${CSS}</style></head><body><main>`);
  out.push('<h1>Telaah report</h1>', `<p class="sub">Generated ${esc(now.toISOString().slice(0, 16).replace('T', ' '))} UTC from the store of run ${esc(run?.id ?? '—')}${context.options.status ? `; codes with status <b>${esc(context.options.status)}</b> only` : ''}.</p>`);

  out.push('<h2 id="corpus">Corpus</h2><div class="cards">',
    card(processed.length, 'documents processed'), card(byStatus.get('failed') ?? 0, 'failed'),
    card(processed.reduce((n, d) => n + d.pages, 0), 'pages'), card(sentences, 'sentences'),
    card(mentions.filter((m) => !m.inReference).length, 'instrument mentions'), card(citations.references.length, 'references'),
    card(citations.works.length, 'works cited'), card(codes.length, 'theme codes counted'), '</div>');
  out.push(`<p class="note">Languages: ${[...languages].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${esc(l)} ${n}`).join(', ') || '—'}. Review: ${['proposed', 'accepted', 'recoded', 'rejected'].map((s) => `${s} ${codeStatus.get(s) ?? 0}`).join(', ')}.</p>`);

  const instruments = context.instruments().filter((i) => i.mentions > 0).slice(0, options.topInstruments ?? 15);
  const maxMentions = Math.max(1, ...instruments.map((i) => i.mentions));
  out.push('<h2 id="instruments">Top instruments</h2>');
  if (instruments.length) {
    out.push('<table><thead><tr><th>Instrument</th><th>Kind</th><th>Indonesia</th><th>Mentions</th><th>Documents</th></tr></thead><tbody>');
    for (const i of instruments) {
      const status = i.indonesiaStatus ?? '';
      out.push(`<tr><td>${esc(i.nameEn ?? i.nameId ?? i.id)}<br><span class="note">${esc(i.id)}</span></td><td>${esc(i.kind)}</td>`
        + `<td class="status-${esc(status.replace(/_/g, '-'))}">${esc(STATUS_LABEL[status] ?? (status || 'unknown'))}${i.ratifiedBy ? `<br><span class="note">${esc(i.ratifiedBy)}</span>` : ''}</td>`
        + `<td class="n"><span class="bar" style="width:${Math.round((i.mentions / maxMentions) * 120)}px"></span>${i.mentions}</td><td class="n">${i.documents}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push('<p class="note">No instrument mentions.</p>');

  const matrix = themeByDocument(codes, processed, context.sentenceCounts(), themes);
  const perDoc = new Map<number, number>();
  for (const r of matrix) perDoc.set(r.document.id, (perDoc.get(r.document.id) ?? 0) + r.sentences);
  const limit = options.heatmapDocuments ?? 40;
  const shown = [...processed].sort((a, b) => (perDoc.get(b.id) ?? 0) - (perDoc.get(a.id) ?? 0) || a.file.localeCompare(b.file)).slice(0, limit);
  const cell = new Map(matrix.map((r) => [`${r.document.id}|${r.themeId}`, r]));
  const maxShare = Math.max(0.0001, ...matrix.map((r) => r.share));
  out.push('<h2 id="heatmap">Themes by document</h2>',
    `<p class="note">Share of each document's sentences coded with the theme (darker = larger share; the darkest cell is ${pct(maxShare)}); the number is the count of coded sentences.${processed.length > shown.length ? ` The ${shown.length} most coded of ${processed.length} documents are shown; theme_by_document.csv has all.` : ''}</p>`);
  if (themes.length && shown.length) {
    out.push('<table class="heat"><thead><tr><th>Document</th>', ...themes.map((t) => `<th class="rot" title="${esc(t.id)}"><span class="swatch" style="background:${esc(t.colour)}"></span>${esc(t.name)}</th>`), '</tr></thead><tbody>');
    for (const d of shown) {
      out.push(`<tr><td class="doc" title="${esc(d.file)}">${esc(documentLabel(d))}</td>`);
      for (const t of themes) {
        const r = cell.get(`${d.id}|${t.id}`);
        out.push(r && r.sentences ? `<td style="${heat(r.share / maxShare)}" title="${esc(t.name)}: ${r.sentences} of ${r.documentSentences} sentences">${r.sentences}</td>` : '<td></td>');
      }
      out.push('</tr>');
    }
    out.push('</tbody></table>');
  } else out.push('<p class="note">No theme codes.</p>');

  const pairs = themeCooccurrence(codes).filter((r) => r.level === 'sentence');
  out.push('<h2 id="cooccurrence">Theme co-occurrence</h2>', '<p class="note">Sentences coded with both themes (colour: Jaccard index, both ÷ either). Paragraph-level figures are in theme_cooccurrence.csv.</p>');
  const used = themes.filter((t) => pairs.some((p) => p.themeA === t.id || p.themeB === t.id));
  if (used.length) {
    const pair = new Map(pairs.map((p) => [`${p.themeA}|${p.themeB}`, p]));
    const maxJ = Math.max(0.0001, ...pairs.map((p) => p.jaccard));
    out.push('<table class="heat"><thead><tr><th></th>', ...used.map((t) => `<th class="rot">${esc(t.name)}</th>`), '</tr></thead><tbody>');
    for (const a of used) {
      out.push(`<tr><td class="doc">${esc(a.name)}</td>`);
      for (const b of used) {
        const p = pair.get(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
        out.push(a.id !== b.id && p ? `<td style="${heat(p.jaccard / maxJ)}" title="${esc(a.name)} + ${esc(b.name)}: ${p.both} sentences, Jaccard ${p.jaccard}">${p.both}</td>` : '<td></td>');
      }
      out.push('</tr>');
    }
    out.push('</tbody></table>');
  } else out.push('<p class="note">No two themes share a sentence.</p>');

  const works = citations.works.slice(0, options.topWorks ?? 15);
  out.push('<h2 id="works">Most cited works</h2>');
  if (works.length) {
    out.push('<table><thead><tr><th>Work</th><th>Year</th><th>Documents</th><th>Citations</th></tr></thead><tbody>');
    for (const w of works) {
      out.push(`<tr><td>${esc(w.authors.join('; ') || '—')}, <i>${esc(w.title ?? w.workId)}</i>${w.container ? `. ${esc(w.container)}` : ''}${w.doi ? ` <span class="note">doi:${esc(w.doi)}</span>` : ''}</td>`
        + `<td>${esc(w.year ?? '')}</td><td class="n">${w.citedByDocuments}</td><td class="n">${w.citations}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push('<p class="note">No references parsed.</p>');

  const docs = new Map(documents.map((d) => [d.id, d]));
  const flagged = [...context.store.annotations('claim')].filter((a) => a.data.contradiction === true);
  out.push('<h2 id="claims">Flagged ratification claims</h2>', '<p class="note">Sentences asserting a state\'s status under an instrument that contradict the registry.</p>');
  if (flagged.length) {
    for (const a of flagged.slice(0, 50)) {
      const d = docs.get(a.document);
      out.push(`<p><b>${esc(d ? documentLabel(d) : '?')}</b>, p. ${a.page}: ${esc(a.data.reason)}</p>`,
        `<blockquote>${esc(context.store.text(a.document).slice(a.start, a.end).replace(/\s+/g, ' '))}</blockquote>`);
    }
    if (flagged.length > 50) out.push(`<p class="note">${flagged.length - 50} more in claims.csv.</p>`);
  } else out.push('<p class="note">No claim contradicts the registry.</p>');

  out.push('<h2 id="methods">Methods</h2>', `<p>${methods(context)}</p>`);
  out.push('</main></body></html>', '');
  return out.join('\n');
}

function methods(context: ExportContext): string {
  const run = context.latestRun();
  const annotators = run?.annotators.map((a) => `${esc(a.id)} ${esc(a.version)}`).join(', ') || 'unknown';
  const codebook = context.codebook;
  let agreement = '';
  {
    const pooled = context.agreement().find((r) => r.theme === '*' && r.level === 'sentence' && r.uncoded_text === 'included');
    if (pooled) {
      agreement = ` Reviewers (${esc(pooled.reviewers)}) decided on the machine codes; pooled sentence-level agreement: Krippendorff's alpha ${esc(pooled.krippendorff_alpha === '' ? 'undefined' : pooled.krippendorff_alpha)}`
        + `${pooled.cohen_kappa !== '' ? `, Cohen's kappa ${esc(pooled.cohen_kappa)}` : ''}; the auto-coder's precision against reviewer consensus ${esc(pooled.auto_precision === '' ? 'undefined' : pooled.auto_precision)}, recall ${esc(pooled.auto_recall === '' ? 'undefined' : pooled.auto_recall)}.`;
    }
  }
  return `Documents were processed with Telaah ${esc(run?.telaahVersion ?? 'unknown')} (pipeline version ${esc(run?.pipelineVersion ?? 'unknown')}, run ${esc(run?.id ?? '—')}`
    + `${run?.finishedAt ? ` finished ${esc(run.finishedAt.slice(0, 10))}` : ''}): text was extracted from PDF and text files, laid out (running headers and footers removed, footnotes separated and linked to their markers), split into sentences, and annotated by ${annotators}. `
    + `Legal instruments were matched against a bilingual registry; references in footnotes and bibliographies were parsed and grouped into works; each sentence was coded deductively with the codebook ${esc(codebook?.id ?? 'unknown')} (version ${esc(codebook?.version ?? 'unknown')}, ${codebook?.themes.length ?? 0} themes), every code carrying the rules and terms that produced it.`
    + `${agreement} Counts exclude codes rejected by a reviewer${context.options.status ? ` and keep only codes with status "${esc(context.options.status)}"` : ''}; instrument counts exclude mentions inside the titles of cited works.`;
}

/**
 * A REFI-QDA project (QDA-XML 1.0, `Project-mrt2019.xsd`) from the export context: the `project.qde`
 * XML and the plain-text sources it points to, ready to be zipped as a `.qdpx`.
 * - Users: a "Telaah" user (author of machine codes) and every reviewer in the decision log.
 * - CodeBook: the codebook's themes as codes, with their hierarchy (parent → nested Code), a colour and
 *   the description; themes seen only in codes come after, at the top level.
 * - Sources: each processed document as a TextSource whose plain text is the normalized text
 *   (`sources/<guid>.txt`, UTF-8), its codes as PlainTextSelections with one Coding per theme. Positions
 *   are Unicode code points, half-open (endPosition = start + length, as the standard's examples
 *   count: "Oh, that was great. …" 139–195 is 56 characters); converted from Telaah's UTF-16 spans.
 * - Notes: reviewers' memos, referenced from the selections they were written on.
 * Codes counted are the context's `countedCodes()` (rejected ones left out, `--status` applied).
 * Element order follows the schema's sequences; GUIDs are stable across exports.
 */
import { documentLabel, type ExportContext, type ExportTheme } from './export-context.js';
import type { ExportCode } from './collect-codes.js';
import { codePointOffsets } from './code-point-offsets.js';
import { stableGuid } from './stable-guid.js';
import { xmlAttribute as attr, xmlText as text } from './escape-xml.js';

export interface QdpxProject {
  readonly projectXml: string;
  readonly sources: readonly { readonly path: string; readonly text: string }[];
}

/** The project as pieces that, joined with newlines, are `projectXml` (one piece per source, among others). */
export interface QdpxProjectParts {
  readonly projectParts: readonly string[];
  readonly sources: QdpxProject['sources'];
}

const TELAAH_USER = 'Telaah';

/** The excerpt on one line, cut to 79 characters (code points) and an ellipsis when longer than 80. */
export function selectionName(excerpt: string): string {
  const collapsed = excerpt.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= 80) return collapsed; // never more code points than UTF-16 units
  let cut = 0;
  let count = 0;
  for (let i = 0; i < collapsed.length; count++) {
    if (count === 79) cut = i;
    else if (count === 80) return `${collapsed.slice(0, cut)}…`;
    const c = collapsed.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < collapsed.length && (collapsed.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    i += pair ? 2 : 1;
  }
  return collapsed;
}

function codeXml(theme: ExportTheme, children: ReadonlyMap<string | null, ExportTheme[]>, indent: string, seen: Set<string>): string {
  seen.add(theme.id);
  const kids = (children.get(theme.id) ?? []).filter((k) => !seen.has(k.id));
  const description = [theme.description, theme.nameId ? `Indonesian: ${theme.nameId}` : null, `Telaah theme id: ${theme.id}`].filter(Boolean).join('\n\n');
  const open = `${indent}<Code guid="${stableGuid(`theme:${theme.id}`)}" name="${attr(theme.name)}" isCodable="true" color="${theme.colour}">`;
  const inner = [`${indent}  <Description>${text(description)}</Description>`, ...kids.map((k) => codeXml(k, children, `${indent}  `, seen))];
  return [open, ...inner, `${indent}</Code>`].join('\n');
}

export function buildQdpx(context: ExportContext, now = new Date()): QdpxProject {
  const { projectParts, sources } = buildQdpxParts(context, now);
  return { projectXml: projectParts.join('\n'), sources };
}

export function buildQdpxParts(context: ExportContext, now = new Date()): QdpxProjectParts {
  const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const themes = context.themes();
  const codes = context.countedCodes();
  const reviewers = [...new Set([...context.decisions().map((d) => d.reviewer), ...codes.flatMap((c) => (c.reviewer ? c.reviewer.split(';') : []))])].sort();
  const userGuid = (name: string) => stableGuid(`user:${name}`);
  const telaah = userGuid(TELAAH_USER);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  const run = context.latestRun();
  out.push(`<Project xmlns="urn:QDA-XML:project:1.0" name="Telaah export" origin="Telaah ${attr(run?.telaahVersion ?? '')}" creatingUserGUID="${telaah}" creationDateTime="${when}" modifyingUserGUID="${telaah}" modifiedDateTime="${when}">`);

  out.push('  <Users>');
  out.push(`    <User guid="${telaah}" name="${TELAAH_USER}" id="telaah"/>`);
  for (const r of reviewers) out.push(`    <User guid="${userGuid(r)}" name="${attr(r)}" id="${attr(r)}"/>`);
  out.push('  </Users>');

  if (themes.length) {
    const ids = new Set(themes.map((t) => t.id));
    const children = new Map<string | null, ExportTheme[]>();
    for (const t of themes) {
      const parent = t.parent && ids.has(t.parent) && t.parent !== t.id ? t.parent : null;
      const list = children.get(parent);
      if (list) list.push(t);
      else children.set(parent, [t]);
    }
    const seen = new Set<string>();
    out.push('  <CodeBook>', '    <Codes>');
    for (const t of children.get(null) ?? []) out.push(codeXml(t, children, '      ', seen));
    // A parent cycle leaves themes unreached from the top: list them at the top so none is lost.
    for (const t of themes) if (!seen.has(t.id)) out.push(codeXml(t, new Map(), '      ', seen));
    out.push('    </Codes>', '  </CodeBook>');
  }

  const byDocument = new Map<number, ExportCode[]>();
  for (const c of codes) {
    const list = byDocument.get(c.document.id);
    if (list) list.push(c);
    else byDocument.set(c.document.id, [c]);
  }
  const sources: { path: string; text: string }[] = [];
  const notes: string[] = [];
  const sourceXml: string[] = [];
  for (const d of context.documents()) {
    if (d.status !== 'ok' && d.status !== 'flagged') continue;
    const guid = stableGuid(`source:${d.documentId}`);
    const body = context.store.text(d.id);
    sources.push({ path: `sources/${guid}.txt`, text: body });
    const toCp = codePointOffsets(body);
    const lines = [`    <TextSource guid="${guid}" name="${attr(documentLabel(d))}" plainTextPath="internal://${guid}.txt" creatingUser="${telaah}" creationDateTime="${when}">`];
    lines.push(`      <Description>${text(`Telaah document ${d.documentId}; file ${d.file}; sha256 ${d.sha256 ?? ''}; language ${d.language ?? ''}`)}</Description>`);
    // One selection per span, with a coding for each theme coded on it.
    const spans = new Map<string, ExportCode[]>();
    for (const c of byDocument.get(d.id) ?? []) {
      const key = `${c.start}|${c.end}`;
      const list = spans.get(key);
      if (list) list.push(c);
      else spans.set(key, [c]);
    }
    for (const [key, list] of spans) {
      const first = list[0];
      const selectionGuid = stableGuid(`selection:${d.documentId}:${key}`);
      const author = (c: ExportCode) => (c.origin !== 'machine' || c.status === 'accepted') && c.reviewer ? userGuid(c.reviewer.split(';')[0]) : telaah;
      lines.push(`      <PlainTextSelection guid="${selectionGuid}" name="${attr(selectionName(first.excerpt))}" startPosition="${toCp(first.start)}" endPosition="${toCp(first.end)}" creatingUser="${author(first)}" creationDateTime="${when}">`);
      const described = list.map((c) => `${c.themeId}: ${c.origin}, ${c.status}${c.evidence ? `; ${c.evidence}` : ''}`).join('\n');
      lines.push(`        <Description>${text(described)}</Description>`);
      const noteRefs: string[] = [];
      for (const c of list) {
        lines.push(`        <Coding guid="${stableGuid(`coding:${d.documentId}:${key}:${c.themeId}:${c.origin}`)}" creatingUser="${author(c)}" creationDateTime="${when}">`);
        lines.push(`          <CodeRef targetGUID="${stableGuid(`theme:${c.themeId}`)}"/>`);
        lines.push('        </Coding>');
        c.memos.forEach((m, i) => {
          const noteGuid = stableGuid(`note:${d.documentId}:${key}:${c.themeId}:${i}`);
          if (noteRefs.includes(noteGuid)) return;
          noteRefs.push(noteGuid);
          const created = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(m.createdAt) ? m.createdAt.replace(/\.\d+Z$/, 'Z') : when;
          notes.push(`    <Note guid="${noteGuid}" name="${attr(`Memo by ${m.reviewer} on ${c.themeId}`)}" creatingUser="${userGuid(m.reviewer)}" creationDateTime="${created}">`,
            `      <PlainTextContent>${text(m.memo)}</PlainTextContent>`, '    </Note>');
        });
      }
      for (const n of noteRefs) lines.push(`        <NoteRef targetGUID="${n}"/>`);
      lines.push('      </PlainTextSelection>');
    }
    lines.push('    </TextSource>');
    sourceXml.push(lines.join('\n'));
  }
  if (sourceXml.length) out.push('  <Sources>', ...sourceXml, '  </Sources>');
  if (notes.length) out.push('  <Notes>', ...notes, '  </Notes>');
  out.push(`  <Description>${text(`Exported by Telaah ${run?.telaahVersion ?? ''} (pipeline ${run?.pipelineVersion ?? 'unknown'}, codebook ${context.codebook?.id ?? 'unknown'} ${context.codebook?.version ?? ''}) on ${when}. Codes: sentence-level theme codes${context.options.status ? ` with status ${context.options.status}` : ' not rejected by a reviewer'}.`)}</Description>`);
  out.push('</Project>', '');
  return { projectParts: out, sources };
}

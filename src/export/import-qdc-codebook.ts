/**
 * `telaah codebook import <file.qdc>`: turns a REFI-QDA codebook (or the codebook inside a project's
 * `project.qde`) into Telaah codebook YAML, so a team starts from the codebook it already has.
 * Each code becomes a theme: a slug id made from its name (unique), the name in both languages (to be
 * translated), its description (or a note saying where it came from), its parent (nested codes, and
 * ATLAS.ti's "Parent::child" names when the parent exists), and one starter rule that matches the code's
 * own name, for the researcher to replace with real terms. Colours, which a Telaah codebook does not
 * hold, are listed in the header comment. The output passes `parseCodebook` as it is.
 */
import { stringify } from 'yaml';
import { readQdaCodes, type QdaCode } from './read-qda-codes.js';

export interface QdcImportOptions {
  /** Codebook id (a slug); default 'imported-codebook'. */
  readonly id?: string;
  readonly title?: string;
  /** Where it came from, named in the header. */
  readonly source?: string;
}

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'code';
}

interface Flat {
  code: QdaCode;
  name: string;
  parentIndex: number | null;
}

export function importQdcCodebook(xml: string, options: QdcImportOptions = {}): string {
  const flat: Flat[] = [];
  const walk = (codes: readonly QdaCode[], parentIndex: number | null) => {
    for (const code of codes) {
      flat.push({ code, name: code.name, parentIndex });
      walk(code.children, flat.length - 1);
    }
  };
  walk(readQdaCodes(xml), null);
  if (!flat.length) throw new Error('the codebook has no codes to import');
  // ATLAS.ti writes a hierarchy flat as "Parent::child": nest it when the parent is a code of its own.
  const byName = new Map(flat.map((f, i) => [f.code.name, i]));
  for (const f of flat) {
    const cut = f.code.name.lastIndexOf('::');
    if (cut <= 0 || f.parentIndex !== null) continue;
    const parent = byName.get(f.code.name.slice(0, cut).trim());
    if (parent === undefined) continue;
    f.parentIndex = parent;
    f.name = f.code.name.slice(cut + 2).trim() || f.code.name;
  }
  const used = new Set<string>();
  const ids = flat.map((f) => {
    const base = slug(f.code.name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
  const themes = flat.map((f, i) => ({
    id: ids[i],
    name: { en: f.name, id: f.name },
    description: f.code.description ?? `Imported from REFI-QDA code "${f.code.name}"${f.code.guid ? ` (${f.code.guid})` : ''}; describe the theme here.`,
    ...(f.parentIndex !== null ? { parent: ids[f.parentIndex] } : {}),
    rules: [{ id: 'starter-name', terms: { en: [f.name], id: [f.name] }, note: 'Starter rule from the code name: replace with the terms that signal this theme.' }],
  }));
  const codebook = { id: slug(options.id ?? 'imported-codebook'), title: options.title ?? `Imported from ${options.source ?? 'a REFI-QDA codebook'}`, minScore: 1, themes };
  const colours = flat.flatMap((f, i) => (f.code.color ? [`#   ${ids[i]}: ${f.code.color}`] : []));
  const header = [
    `# Telaah codebook imported from ${options.source ?? 'a REFI-QDA codebook'} (REFI-QDA .qdc).`,
    '# Each theme has a starter rule that matches its own name: replace it with real terms in both languages,',
    '# translate name.id, and run `telaah codebook check`.',
    ...(colours.length ? ['# Colours in the source tool (a Telaah codebook does not keep them):', ...colours] : []),
  ];
  return `${header.join('\n')}\n${stringify(codebook, { lineWidth: 0 })}`;
}

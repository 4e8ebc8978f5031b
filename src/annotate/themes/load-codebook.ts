/**
 * Reads a codebook YAML file and validates it (zod). Every error names the file and line, the theme
 * and the rule it concerns, and says what is expected, so a researcher editing the YAML can fix it:
 * `codebooks/x.yaml:42: theme "refugee-protection", rule "asylum": near.within: ...`.
 * The returned codebook carries `version`, a hash of the file's content, recorded with every code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { codebookSchema, type Codebook } from './codebook-schema.js';

export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

function lineOf(doc: Document, counter: LineCounter, keyPath: (string | number)[]): number | null {
  for (let n = keyPath.length; n >= 0; n--) {
    const node = doc.getIn(keyPath.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

/** `theme "x", rule "y"` for a key path under themes[i].rules[j], read from the raw YAML. */
function subjectOf(raw: unknown, keyPath: (string | number)[]): string {
  if (keyPath[0] !== 'themes' || typeof keyPath[1] !== 'number') return '';
  const theme = (raw as { themes?: { id?: unknown; rules?: { id?: unknown }[] }[] }).themes?.[keyPath[1]];
  const themeName = typeof theme?.id === 'string' ? `"${theme.id}"` : `#${keyPath[1] + 1}`;
  let out = `theme ${themeName}`;
  if (keyPath[2] === 'rules' && typeof keyPath[3] === 'number') {
    const rule = theme?.rules?.[keyPath[3]];
    out += `, rule ${typeof rule?.id === 'string' ? `"${rule.id}"` : `#${keyPath[3] + 1}`}`;
  }
  return out + ': ';
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove or correct them`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** Validates codebook YAML text; `file` names it in messages. */
export function parseCodebook(source: string, file: string | null = null): Codebook {
  const where = file ?? '<codebook>';
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new CodebookError(`${where}${line ? `:${line}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = codebookSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const keyPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const line = lineOf(doc, counter, keyPath);
      const rel = keyPath.slice(keyPath[2] === 'rules' ? 4 : 2).join('.');
      const key = keyPath[0] === 'themes' && keyPath.length > 2 ? rel : keyPath.join('.') || '(top level)';
      return `${where}${line ? `:${line}` : ''}: ${subjectOf(raw, keyPath)}${key ? `${key}: ` : ''}${describe(issue)}`;
    });
    throw new CodebookError(lines.join('\n'));
  }
  // Cross-references zod cannot see: unique ids, known parents.
  const problems: string[] = [];
  const at = (keyPath: (string | number)[]) => {
    const line = lineOf(doc, counter, keyPath);
    return `${where}${line ? `:${line}` : ''}`;
  };
  const themeIds = new Set<string>();
  parsed.data.themes.forEach((theme, i) => {
    if (themeIds.has(theme.id)) problems.push(`${at(['themes', i, 'id'])}: theme "${theme.id}": the id is used by an earlier theme; theme ids must be unique`);
    themeIds.add(theme.id);
    const ruleIds = new Set<string>();
    theme.rules.forEach((rule, j) => {
      if (ruleIds.has(rule.id)) problems.push(`${at(['themes', i, 'rules', j, 'id'])}: theme "${theme.id}", rule "${rule.id}": the rule id is used twice in this theme; rule ids must be unique within a theme`);
      ruleIds.add(rule.id);
    });
  });
  parsed.data.themes.forEach((theme, i) => {
    if (theme.parent !== null && !themeIds.has(theme.parent)) {
      problems.push(`${at(['themes', i, 'parent'])}: theme "${theme.id}": parent "${theme.parent}" is not a theme id in this codebook`);
    }
  });
  if (problems.length) throw new CodebookError(problems.join('\n'));
  const version = createHash('sha256').update(source).digest('hex').slice(0, 16);
  return { ...parsed.data, version, file };
}

export function loadCodebook(file: string): Codebook {
  const absolute = path.resolve(file);
  let source: string;
  try {
    source = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new CodebookError(`${file}: cannot read the codebook (${(error as NodeJS.ErrnoException).code ?? error}); set stages.themes.codebook to an existing YAML file`);
  }
  return parseCodebook(source, absolute);
}

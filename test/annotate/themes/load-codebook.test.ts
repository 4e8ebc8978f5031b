import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodebookError, loadCodebook, parseCodebook } from '../../../src/annotate/themes/load-codebook.js';
import { codebookPath } from '../../../src/annotate/themes/codebook-path.js';
import { themesOptions } from '../../../src/annotate/themes/options.js';

const minimal = (rules: string) => `id: t
themes:
  - id: trafficking-smuggling
    name: { en: Trafficking, id: Perdagangan orang }
    description: trafficking
    rules:
${rules}`;

describe('loadCodebook', () => {
  it('loads the default codebook with the 15 theme ids of themes-v1 and a content-hash version', () => {
    const codebook = loadCodebook(codebookPath(themesOptions.parse({}).codebook));
    const table = readFileSync(new URL('../../../../shared/gold/themes-v1.md', import.meta.url), 'utf8');
    const goldIds = [...table.matchAll(/^\| ([a-z-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'id');
    expect(goldIds).toHaveLength(15);
    expect(codebook.themes.map((t) => t.id)).toEqual(goldIds);
    expect(codebook.version).toMatch(/^[0-9a-f]{16}$/);
    for (const theme of codebook.themes) expect(theme.name.id.length).toBeGreaterThan(0);
  });

  it('gives the same version for the same text and another for an edit', () => {
    const a = parseCodebook(minimal('      - id: r\n        terms: { id: [perdagangan orang] }\n'));
    const b = parseCodebook(minimal('      - id: r\n        terms: { id: [perdagangan orang] }\n'));
    const c = parseCodebook(minimal('      - id: r\n        terms: { id: [perdagangan manusia] }\n'));
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe(c.version);
  });

  it('names the file, line, theme and rule of an invalid rule', () => {
    const source = minimal('      - id: ok\n        terms: { id: [penyelundupan] }\n      - id: both-kinds\n        terms: { en: [smuggling] }\n        instruments: [untoc]\n');
    expect(() => parseCodebook(source, 'books/x.yaml')).toThrowError(CodebookError);
    expect(() => parseCodebook(source, 'books/x.yaml')).toThrowError(
      'books/x.yaml:9: theme "trafficking-smuggling", rule "both-kinds": a rule needs exactly one of terms:, near: or instruments:',
    );
  });

  it('names the key of a bad value inside a rule', () => {
    const source = minimal('      - id: near-rule\n        near: { a: { en: [return] }, b: { en: [torture] }, within: -2 }\n');
    expect(() => parseCodebook(source, 'x.yaml')).toThrowError(/^x\.yaml:8: theme "trafficking-smuggling", rule "near-rule": near\.within: Too small/);
  });

  it('rejects unknown keys, duplicate rule ids and unknown parents', () => {
    expect(() => parseCodebook(minimal('      - id: r\n        term: { id: [x] }\n'), 'x.yaml')).toThrowError(/rule "r": unknown key\(s\) "term"/);
    expect(() => parseCodebook(minimal('      - id: r\n        terms: { id: [x] }\n      - id: r\n        terms: { id: [y] }\n'), 'x.yaml')).toThrowError(
      'x.yaml:9: theme "trafficking-smuggling", rule "r": the rule id is used twice in this theme; rule ids must be unique within a theme',
    );
    expect(() => parseCodebook(minimal('      - id: r\n        terms: { id: [x] }\n').replace('description: trafficking', 'description: t\n    parent: crime'), 'x.yaml')).toThrowError(
      /theme "trafficking-smuggling": parent "crime" is not a theme id/,
    );
  });

  it('says what to do when the file is missing', () => {
    expect(() => loadCodebook('/nonexistent/book.yaml')).toThrowError(/cannot read the codebook \(ENOENT\); set stages\.themes\.codebook/);
  });
});

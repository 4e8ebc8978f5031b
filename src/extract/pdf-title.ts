/**
 * Picks a document title from PDF metadata: the Info dictionary's Title, else XMP dc:title; returns
 * null when neither says anything about the document (producer boilerplate such as
 * "Microsoft Word - draft.docx", a file name, or too few letters). Junk patterns are data in
 * pipelines/extract/pdf-titles.yaml.
 */
import { readExtractData } from './read-extract-data.js';

interface TitleRules {
  readonly junkPrefixes: readonly string[];
  readonly junkExtensions: readonly string[];
  readonly minLetters: number;
}

export function isUsefulTitle(title: string, rules = readExtractData<TitleRules>('pdf-titles.yaml')): boolean {
  const t = title.trim();
  const lower = t.toLowerCase();
  if (rules.junkPrefixes.some((p) => lower.startsWith(p.toLowerCase()))) return false;
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && rules.junkExtensions.includes(lower.slice(dot + 1))) return false;
  let letters = 0;
  for (const ch of t) if (ch.toLowerCase() !== ch.toUpperCase()) letters++;
  return letters >= rules.minLetters;
}

export function pdfTitle(infoTitle: unknown, xmpTitle: unknown): string | null {
  for (const candidate of [infoTitle, xmpTitle]) {
    if (typeof candidate !== 'string') continue;
    const t = candidate.replace(/\s+/g, ' ').trim();
    if (t && isUsefulTitle(t)) return t;
  }
  return null;
}

/**
 * The rules' parse and the labeller's reading → one parse. For each field the model supplies, the
 * labeller's value replaces the rules' (the rules' value stands in when the labeller finds none) when
 * the labeller is sure enough: its best labelling beats the best one agreeing with the rules on that
 * field by more than `minMargin`. Never where the rules read a structure they are sure of and the
 * labeller has seen too few of: a title in quotation marks, and a case name with its law-report
 * citation ("Ortega v. Lindell, 512 F. Supp. 2d 310"), whose title and reporter stay the rules'; a
 * year the rules read from a closing date or imprint bracket ("(Jan. 26, 2007)", "(Bandung: Lembah
 * Ilmu, 2021)"); and a title the labeller cut to a tail that opens in lower case ("and the Reach of
 * Article 33" out of "Boats, Borders, and the Reach of Article 33"): no title starts that way.
 */
import type { LabelledReference } from './label-reference.js';
import { yearClosesBracket, type ParsedReference } from './parse-reference-by-rules.js';
import type { LabelledField } from './reference-labeller-model.js';

const QUOTES = new Set(['“', '"', '‘', "'", '«', '„']);
const CASE_NAME = /\s(?:v|vs)\.?\s/;

export function combineReferenceFields(rules: ParsedReference, learned: LabelledReference, fields: readonly LabelledField[], minMargin: number): ParsedReference {
  const at = rules.title ? rules.raw.indexOf(rules.title) : -1;
  const quoted = at > 0 && QUOTES.has(rules.raw[at - 1]);
  const caseName = rules.title != null && CASE_NAME.test(` ${rules.title} `) && rules.volume != null;
  const merged: Record<string, unknown> = { ...rules };
  for (const field of fields) {
    if ((quoted && field === 'title') || (caseName && (field === 'title' || field === 'container'))) continue;
    if (field === 'year' && rules.year && yearClosesBracket(rules.raw, rules.year)) continue;
    if (field === 'title' && truncatedTail(learned.fields.title, rules.title)) continue;
    if (!((learned.margins[field] ?? 0) > minMargin)) continue;
    merged[field] = learned.fields[field] ?? rules[field];
  }
  return merged as unknown as ParsedReference;
}

function truncatedTail(learned: string | null | undefined, rules: string | null): boolean {
  return !!learned && !!rules && learned.length < rules.length && /^\p{Ll}/u.test(learned) && rules.endsWith(learned);
}

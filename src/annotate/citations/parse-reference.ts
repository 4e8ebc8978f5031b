/**
 * One free-text reference → its fields (`ParsedReference`): the rule parser reads every field
 * (parse-reference-by-rules.ts), and for the fields where the learned labeller's held-out F1 beat the
 * rules' (the model file lists them) the labeller's value replaces the rules' where it is sure enough
 * (combine-reference-fields.ts). Without a model file, or for a string too long to be one reference,
 * the rules answer alone. Never throws; linear in the string's length.
 */
import { combineReferenceFields } from './combine-reference-fields.js';
import { labelReference } from './label-reference.js';
import { parseReferenceByRules, type ParsedReference } from './parse-reference-by-rules.js';
import { loadReferenceLabeller, type ReferenceLabeller } from './reference-labeller-model.js';

export type { ParsedReference } from './parse-reference-by-rules.js';

export function parseReference(raw: string, labeller: ReferenceLabeller | null = loadReferenceLabeller()): ParsedReference {
  const rules = parseReferenceByRules(raw);
  if (!labeller?.fields.length) return rules;
  const learned = labelReference(raw, labeller, rules);
  if (!learned) return rules;
  return combineReferenceFields(rules, learned, labeller.fields, labeller.minMargin);
}

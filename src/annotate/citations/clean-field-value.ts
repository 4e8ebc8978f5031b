/**
 * A field value as the labels write it (../shared/refs/README.md): surrounding separators, quotation
 * marks and unbalanced brackets trimmed, and a final full stop dropped unless it ends a short
 * abbreviation or an initial ("J. Am. Chem. Soc.", "Inc.", "Bergk, V."). Null for null or empty.
 */
export function cleanFieldValue(s: string | null): string | null {
  if (s == null) return null;
  let t = s.trim().replace(/^[\s,.;:"“”‘’'«»]+/, '').replace(/[\s,;:"“”‘’'«»]+$/, '');
  if (t.endsWith('.') && !/(?:^|[\s.])\p{L}{1,4}\.$/u.test(t)) t = t.slice(0, -1);
  t = t.replace(/[\s,;:"“”‘’'«»]+$/, '');
  if (t.startsWith('(') && !t.includes(')')) t = t.slice(1);
  if (t.endsWith(')') && !t.includes('(')) t = t.slice(0, -1);
  return t || null;
}

/**
 * Escapes text for XML element content and attribute values, and drops the characters XML 1.0 cannot
 * carry at all (C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE/FFFF),
 * which PDF extraction occasionally leaves behind. Carriage returns, tabs and newlines in attributes are
 * written as character references so a parser does not normalize them to spaces.
 * One pass per value: dropping a character and escaping another never interact (each is decided on the
 * original text), so a single alternation gives what successive replacements would.
 */
// eslint-disable-next-line no-control-regex
const INVALID = String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const TEXT = new RegExp(`${INVALID}|[&<>]`, 'g');
const ATTRIBUTE = new RegExp(`${INVALID}|[&<>"\\r\\n\\t]`, 'g');

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };
const entity = (c: string) => ENTITY[c] ?? '';

export function xmlText(value: string): string {
  return value.replace(TEXT, entity);
}

export function xmlAttribute(value: string): string {
  return value.replace(ATTRIBUTE, entity);
}

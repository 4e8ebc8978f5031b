/**
 * Escapes text for XML element content and attribute values, and drops the characters XML 1.0 cannot
 * carry at all (C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE/FFFF),
 * which PDF extraction occasionally leaves behind. Carriage returns, tabs and newlines in attributes are
 * written as character references so a parser does not normalize them to spaces.
 */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}


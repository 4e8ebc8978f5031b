/**
 * HTML built by a tagged template that escapes every interpolated value, so document text, reviewer
 * names and annotation data can never become markup: `html\`<p title="${x}">${y}</p>\`` is safe for any
 * strings x and y (quotes, <script>, ampersands). Only values wrapped by `raw()` (markup this app built)
 * pass through; arrays are joined. `jsonForScript` embeds data in a <script type="application/json">
 * without letting `</script>` or `<!--` end it.
 */
export interface RawHtml {
  readonly __html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

export function raw(markup: string): RawHtml {
  return { __html: markup };
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && '__html' in (value as object)) return (value as RawHtml).__html;
  return escapeHtml(value);
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return raw(out);
}

export function jsonForScript(value: unknown): RawHtml {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}

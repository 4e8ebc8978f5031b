/**
 * Finds a Markdown document's title: a `title:` key in YAML front matter ("---" … "---"), a `Title:`
 * line in Pelican-style metadata at the top of the file (lines "Key: value" up to the first blank
 * line), else the first level-1 ATX heading ("# Title") outside fenced code. Returns null otherwise.
 * Linear in the text; stops at the first match.
 */
const KEY_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0]) return v.slice(1, -1).trim();
  return v;
}

export function markdownTitle(text: string): string | null {
  const lines = text.split('\n', 4000);
  let i = 0;
  if (lines[0]?.trim() === '---') {
    for (i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.trim() === '---' || line.trim() === '...') {
        i++;
        break;
      }
      const m = KEY_LINE.exec(line);
      if (m && m[1].toLowerCase() === 'title' && unquote(m[2])) return unquote(m[2]);
    }
  } else {
    for (let j = 0; j < lines.length && lines[j].trim() !== ''; j++) {
      const m = KEY_LINE.exec(lines[j]);
      if (!m) break;
      if (m[1].toLowerCase() === 'title' && m[2].trim()) return m[2].trim();
    }
  }
  let fenced = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```') || line.startsWith('~~~')) fenced = !fenced;
    else if (!fenced && line.startsWith('# ')) {
      const title = line.slice(2).replace(/[ \t]#+[ \t]*$/, '').trim();
      if (title) return title;
    }
  }
  return null;
}

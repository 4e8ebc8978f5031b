/**
 * Markdown footnote definitions ("[^12]: text", continued on indented lines, possibly after a blank
 * line) in .md and Markdown-flavoured .txt files. Only numeric labels become footnotes: the document
 * model numbers its notes. Marks lines in place: role 'note', `note`, `noteTextStart`.
 * Returns whether any definition was found (then markers are "[^12]" references).
 */
import type { LayoutLine } from './layout-line.js';
import { content } from './layout-line.js';

const DEFINITION = /^\[\^(\d{1,4})\]:[ \t]*/;

export function findMarkdownFootnotes(lines: readonly LayoutLine[]): boolean {
  let current: number | null = null;
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.role === 'blank') {
      // A blank line ends the note unless an indented continuation follows it.
      const next = lines[i + 1];
      if (current !== null && !(next && next.role !== 'blank' && next.start > 0 && !DEFINITION.test(content(next)))) current = null;
      continue;
    }
    const def = line.start === 0 ? DEFINITION.exec(content(line)) : null;
    if (def) {
      current = Number(def[1]);
      line.role = 'note';
      line.note = current;
      line.noteTextStart = line.start + def[0].length;
      found = true;
    } else if (current !== null && line.start > 0) {
      line.role = 'note';
      line.note = current;
    } else current = null;
  }
  return found;
}

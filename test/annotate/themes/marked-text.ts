/**
 * Test helper: parses marked text such as `Korban <e>perdagangan orang</e> perlu dilindungi` into the
 * plain text and the spans of the marked parts, so expectations are written inline.
 */
export interface Marked {
  readonly text: string;
  readonly spans: { start: number; end: number }[];
}

export function parseMarked(marked: string): Marked {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (const part of marked.split(/(<\/?e>)/)) {
    if (part === '<e>') open = text.length;
    else if (part === '</e>') {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += part;
  }
  return { text, spans: spans.sort((a, b) => a.start - b.start) };
}

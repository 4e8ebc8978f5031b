/**
 * Streams the stored corpus one document at a time as sentences with their text, language and the
 * instrument mentions inside them (offsets relative to the sentence), for codebook checks and theme
 * discovery. Body sentences only: footnote sentences are citations, not the author's argument.
 */
import type { Language } from '../document.js';
import type { Db } from './open-store.js';

export interface CorpusSentence {
  readonly text: string;
  readonly language: Language;
  readonly start: number;
  readonly end: number;
  readonly mentions: { readonly start: number; readonly end: number; readonly instrumentId: string; readonly surface: string }[];
}

export interface CorpusDocument {
  readonly id: string;
  readonly title: string | null;
  readonly sentences: CorpusSentence[];
}

export function* corpusSentences(db: Db): Generator<CorpusDocument> {
  const docs = db.prepare(`SELECT d.id, d.document_id, d.title, t.text FROM documents d JOIN document_texts t ON t.document = d.id
    WHERE d.status = 'ok' ORDER BY d.file`).all() as { id: number; document_id: string; title: string | null; text: string }[];
  const sentences = db.prepare(`SELECT start, "end" AS "end", language FROM segments WHERE document = ? AND kind = 'sentence' AND in_footnote = 0 ORDER BY idx`);
  const mentions = db.prepare(`SELECT start, "end" AS "end", json_extract(data, '$.instrumentId') AS instrumentId FROM annotations
    WHERE document = ? AND kind = 'instrument-mention' ORDER BY start`);
  for (const doc of docs) {
    const ms = mentions.all(doc.id) as { start: number; end: number; instrumentId: string }[];
    let m = 0;
    const out: CorpusSentence[] = [];
    for (const s of sentences.all(doc.id) as { start: number; end: number; language: Language }[]) {
      while (m < ms.length && ms[m].end <= s.start) m++;
      const inside: CorpusSentence['mentions'] = [];
      for (let k = m; k < ms.length && ms[k].start < s.end; k++) {
        if (ms[k].start >= s.start && ms[k].end <= s.end) inside.push({ start: ms[k].start - s.start, end: ms[k].end - s.start, instrumentId: ms[k].instrumentId, surface: doc.text.slice(ms[k].start, ms[k].end) });
      }
      out.push({ text: doc.text.slice(s.start, s.end), language: s.language, start: s.start, end: s.end, mentions: inside });
    }
    yield { id: doc.document_id, title: doc.title, sentences: out };
  }
}

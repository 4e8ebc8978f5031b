/**
 * Instrument mentions and the instruments they name, with how often and in how many documents each is
 * mentioned. Instrument details come from the store's instruments table (the registry and the statutes a
 * run discovered); an instrument missing there is described from its mentions, so nothing is dropped.
 * Mentions inside the titles of cited works (`inReference`) are listed but not counted as reliance.
 */
import type { ExportDocument, ExportInstrument, ExportStore } from '../store/export-store.js';

export interface ExportMention {
  readonly document: ExportDocument;
  readonly instrumentId: string;
  readonly instrumentName: string;
  readonly kind: string;
  readonly surface: string;
  readonly provision: string | null;
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly inFootnote: boolean;
  readonly inReference: boolean;
  readonly resolution: string | null;
}

export interface ExportInstrumentRow extends ExportInstrument {
  readonly mentions: number;
  readonly documents: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function collectMentions(store: ExportStore, documents: readonly ExportDocument[]): ExportMention[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out: ExportMention[] = [];
  for (const a of store.annotations('instrument-mention')) {
    const document = byId.get(a.document);
    const instrumentId = str(a.data.instrumentId);
    if (!document || !instrumentId) continue;
    out.push({
      document, instrumentId, instrumentName: str(a.data.instrumentName) ?? instrumentId, kind: str(a.data.instrumentKind) ?? '',
      surface: store.text(a.document).slice(a.start, a.end), provision: str(a.data.provision), page: a.page, start: a.start, end: a.end,
      inFootnote: a.inFootnote, inReference: a.data.inReference === true, resolution: str(a.data.resolution),
    });
  }
  return out;
}

export function collectInstruments(store: ExportStore, mentions: readonly ExportMention[]): ExportInstrumentRow[] {
  const counts = new Map<string, { mentions: number; documents: Set<number>; sample: ExportMention }>();
  for (const m of mentions) {
    let c = counts.get(m.instrumentId);
    if (!c) counts.set(m.instrumentId, (c = { mentions: 0, documents: new Set(), sample: m }));
    if (m.inReference) continue;
    c.mentions++;
    c.documents.add(m.document.id);
  }
  const rows: ExportInstrumentRow[] = [];
  const known = new Set<string>();
  for (const i of store.instruments()) {
    known.add(i.id);
    const c = counts.get(i.id);
    rows.push({ ...i, mentions: c?.mentions ?? 0, documents: c?.documents.size ?? 0 });
  }
  for (const [id, c] of counts) {
    if (known.has(id)) continue;
    rows.push({
      id, nameEn: c.sample.instrumentName, nameId: null, kind: c.sample.kind, year: null, indonesiaStatus: null, ratifiedBy: null,
      mentions: c.mentions, documents: c.documents.size,
    });
  }
  return rows.sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
}

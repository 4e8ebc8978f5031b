/**
 * The registry's instruments as flat rows for the store's instruments table and instruments.csv.
 * Takes a Registry; returns one row per instrument in registry order. Statutes found only by the
 * citation grammar are not here: their rows come from the mentions (`data.statute`), see
 * `statuteRow`.
 */
import type { Registry } from './registry.js';
import type { StatuteInfo } from './match-instruments.js';

export interface InstrumentRow {
  readonly id: string;
  readonly name_en: string;
  readonly name_id: string;
  readonly kind: string;
  readonly year: number;
  readonly indonesia_status: string;
  /** Id of the instrument by which Indonesia ratified or acceded, or null. */
  readonly ratified_by: string | null;
  readonly source: string;
}

export function instrumentRows(registry: Registry): InstrumentRow[] {
  return registry.instruments.map((i) => ({
    id: i.id,
    name_en: i.nameEn,
    name_id: i.nameId,
    kind: i.kind,
    year: i.year,
    indonesia_status: i.indonesia.status,
    ratified_by: i.indonesia.by,
    source: i.source,
  }));
}

const TYPE_NAMES: Record<string, [string, string]> = {
  uu: ['Law', 'Undang-Undang'],
  perppu: ['Government Regulation in Lieu of Law', 'Peraturan Pemerintah Pengganti Undang-Undang'],
  pp: ['Government Regulation', 'Peraturan Pemerintah'],
  perpres: ['Presidential Regulation', 'Peraturan Presiden'],
  keppres: ['Presidential Decree', 'Keputusan Presiden'],
  inpres: ['Presidential Instruction', 'Instruksi Presiden'],
  permen: ['Ministerial Regulation', 'Peraturan Menteri'],
  perda: ['Regional Regulation', 'Peraturan Daerah'],
};

/** A row for a statute that is not in the registry, from the citation that found it. */
export function statuteRow(id: string, statute: StatuteInfo): InstrumentRow {
  const [en, ind] = TYPE_NAMES[statute.type] ?? [statute.type, statute.type];
  return {
    id,
    name_en: `${en} No. ${statute.number} of ${statute.year}`,
    name_id: `${ind} Nomor ${statute.number} Tahun ${statute.year}${statute.title ? ` tentang ${statute.title}` : ''}`,
    kind: statute.type === 'uu' || statute.type === 'perppu' ? 'statute' : 'regulation',
    year: statute.year,
    indonesia_status: 'not-applicable',
    ratified_by: null,
    source: 'statute citation in the document',
  };
}

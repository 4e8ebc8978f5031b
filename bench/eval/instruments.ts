/**
 * `npm run eval -- instruments`: precision and recall of instrument mentions, per instrument and
 * micro-averaged, against the gold in ../shared/gold. A predicted mention (outside footnote
 * references) is correct when its instrument id matches a gold mention it overlaps; a gold mention
 * is found when a prediction with its id overlaps it. Predicted spans are mapped back to the raw
 * seed text through doc.sourceMap, since gold offsets index the raw text. The typeset PDF of the long
 * article has gold without offsets: it is scored by mention counts per instrument.
 * Prints the tables and returns the figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Report } from '../../src/message.js';
import { toSourceEnd, toSourceStart } from '../../src/offset-map.js';
import { instrumentsAnnotator, type InstrumentMention } from '../../src/annotate/instruments/instruments-annotator.js';
import { documentFromFile, REGISTRY_DIR } from '../../test/annotate/instruments/build-document.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../../shared');

interface GoldMention { surface: string; start?: number; end?: number }
interface Gold { document: string; instruments: { id: string; mentions: GoldMention[] }[] }
interface Tally { tp: number; fp: number; fn: number }

const ratio = (a: number, b: number) => (b ? a / b : 1);

function add(map: Map<string, Tally>, id: string, key: keyof Tally) {
  const t = map.get(id) ?? { tp: 0, fp: 0, fn: 0 };
  t[key]++;
  map.set(id, t);
}

async function predict(file: string) {
  const annotate = instrumentsAnnotator.create({ enabled: true, registry: 'registry', contextWindow: 600, registryDir: REGISTRY_DIR });
  const doc = await documentFromFile(file);
  const mentions = (annotate(doc, new Report(doc.id)) as InstrumentMention[]).filter((m) => !m.data.inReference);
  return { doc, mentions };
}

export async function evaluate(): Promise<Record<string, number>> {
  const perInstrument = new Map<string, Tally>();
  const errors: string[] = [];
  const goldFiles = ['000_a8b5b348252ec0f7.gold.json', '003_0b94888e7e7436df.gold.json'];
  for (const g of goldFiles) {
    const gold: Gold = JSON.parse(readFileSync(path.join(shared, 'gold', g), 'utf8'));
    const { doc, mentions } = await predict(path.join(shared, 'corpus/seeds', gold.document));
    const raw = readFileSync(path.join(shared, 'corpus/seeds', gold.document), 'utf8');
    const predicted = mentions.map((m) => ({ id: m.data.instrumentId, start: toSourceStart(doc.sourceMap, m.start), end: toSourceEnd(doc.sourceMap, m.end) }));
    const goldMentions = gold.instruments.flatMap((i) => i.mentions.map((m) => ({ id: i.id, start: m.start!, end: m.end! })));
    const hit = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const p of predicted) {
      if (goldMentions.some((q) => q.id === p.id && hit(p, q))) add(perInstrument, p.id, 'tp');
      else {
        add(perInstrument, p.id, 'fp');
        const other = goldMentions.find((q) => hit(p, q));
        errors.push(`${gold.document}:${p.start} FP ${p.id} ${JSON.stringify(raw.slice(p.start, p.end))}${other ? ` (gold: ${other.id})` : ''}`);
      }
    }
    for (const q of goldMentions) {
      if (!predicted.some((p) => p.id === q.id && hit(p, q))) {
        add(perInstrument, q.id, 'fn');
        errors.push(`${gold.document}:${q.start} FN ${q.id} ${JSON.stringify(raw.slice(q.start, q.end))}`);
      }
    }
  }
  // Recall counts gold mentions found; precision counts predictions correct (several predictions may
  // share one gold mention only if they overlap it, which the matcher's non-overlap rule prevents).
  let tp = 0, fp = 0, fn = 0;
  console.log('instrument'.padEnd(32), 'P'.padStart(6), 'R'.padStart(6), ' tp  fp  fn');
  for (const [id, t] of [...perInstrument].sort((a, b) => a[0].localeCompare(b[0]))) {
    tp += t.tp; fp += t.fp; fn += t.fn;
    console.log(id.padEnd(32), ratio(t.tp, t.tp + t.fp).toFixed(3).padStart(6), ratio(t.tp, t.tp + t.fn).toFixed(3).padStart(6), String(t.tp).padStart(4), String(t.fp).padStart(3), String(t.fn).padStart(3));
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  console.log(`micro (text seeds): precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  for (const e of errors) console.log('  ' + e);

  const figures: Record<string, number> = { precision, recall };
  const pdf = path.join(shared, 'corpus/derived/000_a8b5b348252ec0f7.pdf');
  const pdfGold = path.join(shared, 'gold/000_a8b5b348252ec0f7.pdf.gold.json');
  if (existsSync(pdf) && existsSync(pdfGold)) {
    const gold: Gold = JSON.parse(readFileSync(pdfGold, 'utf8'));
    const { mentions } = await predict(pdf);
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.data.instrumentId, (counts.get(m.data.instrumentId) ?? 0) + 1);
    let ctp = 0, cpred = 0, cgold = 0;
    const goldCounts = new Map(gold.instruments.map((i) => [i.id, i.mentions.length]));
    for (const n of counts.values()) cpred += n;
    for (const [id, n] of goldCounts) {
      cgold += n;
      ctp += Math.min(n, counts.get(id) ?? 0);
    }
    const diffs = [...new Set([...counts.keys(), ...goldCounts.keys()])]
      .filter((id) => (counts.get(id) ?? 0) !== (goldCounts.get(id) ?? 0))
      .map((id) => `${id} ${counts.get(id) ?? 0}/${goldCounts.get(id) ?? 0}`);
    figures.pdfPrecision = ratio(ctp, cpred);
    figures.pdfRecall = ratio(ctp, cgold);
    console.log(`typeset PDF, by counts: precision ${figures.pdfPrecision.toFixed(3)}  recall ${figures.pdfRecall.toFixed(3)}  (predicted ${cpred}, gold ${cgold})`);
    if (diffs.length) console.log('  count differences (predicted/gold): ' + diffs.join(', '));
  }
  return figures;
}

/**
 * Theme discovery, the step before a codebook exists: key terms and key phrases per document and for
 * the corpus, and candidate themes from clusters of co-occurring terms.
 * - Units are stems (Indonesian or English by the sentence's language, guessed from stopwords when
 *   unknown) of non-stopwords; frequent multi-word phrases (2–3 words inside a run of content words,
 *   seen at least `minPhraseCount` times) are kept whole: their words count as the phrase, not alone.
 * - Key terms are ranked by TF-IDF: per document, idf over documents (over sentences when the corpus
 *   is one document); for the corpus, idf over sentences, so words present everywhere sink.
 * - Candidates: the top corpus units, grouped greedily around seeds by sentence co-occurrence
 *   (cosine of sentence sets), each with its top terms and three example sentences.
 * Deterministic for the same input. Body sentences only: footnotes are references, not claims.
 */
import type { Language, TelaahDocument } from '../../document.js';
import { loadStopwords, type Stopwords } from './load-stopwords.js';
import { stem, type StemLanguage } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

export interface DiscoveryDocument {
  readonly id: string;
  readonly sentences: readonly { readonly text: string; readonly language?: Language; readonly start?: number; readonly end?: number }[];
}

export interface KeyTerm {
  /** The stem key ("ungsi", "dagang orang"). */
  readonly key: string;
  /** Its most frequent surface form, lower-cased. */
  readonly term: string;
  readonly language: StemLanguage;
  readonly words: number;
  readonly count: number;
  readonly score: number;
}

export interface CandidateTheme {
  /** 1-based, in order of strength: the N of `telaah codebook add --from-candidate N`. */
  readonly index: number;
  readonly label: string;
  readonly topTerms: readonly KeyTerm[];
  readonly sentences: readonly { readonly documentId: string; readonly text: string; readonly start?: number; readonly end?: number }[];
  /** Sentences that contain at least two of its terms. */
  readonly support: number;
}

export interface Discovery {
  readonly documents: readonly { readonly id: string; readonly keyTerms: readonly KeyTerm[]; readonly keyPhrases: readonly KeyTerm[] }[];
  readonly corpus: { readonly keyTerms: readonly KeyTerm[]; readonly keyPhrases: readonly KeyTerm[] };
  readonly candidates: readonly CandidateTheme[];
}

export interface DiscoverOptions {
  readonly top?: number;
  readonly minPhraseCount?: number;
  readonly candidateTerms?: number;
  readonly maxCandidates?: number;
  /** Units in a larger share of sentences than this are too general to seed or join a candidate. */
  readonly maxSentenceShare?: number;
  readonly stopwords?: Stopwords;
}

interface Unit {
  readonly key: string;
  readonly surface: string;
  readonly language: StemLanguage;
  readonly words: number;
}

interface PreparedSentence {
  readonly doc: number;
  readonly text: string;
  readonly start?: number;
  readonly end?: number;
  readonly units: Unit[];
}

function guessLanguage(tokens: readonly Token[], stopwords: Stopwords): StemLanguage {
  let id = 0;
  let en = 0;
  for (const t of tokens) {
    if (stopwords.id.has(t.lower)) id++;
    if (stopwords.en.has(t.lower)) en++;
  }
  return en > id ? 'en' : 'id';
}

/** Runs of content words: split at stopwords, numbers and any punctuation between tokens. */
function contentRuns(text: string, tokens: readonly Token[], stopwords: Stopwords, language: StemLanguage): Unit[][] {
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  tokens.forEach((t, i) => {
    const content = t.base.length >= 3 && !/^\d+$/.test(t.base) && !stopwords.all.has(t.lower) && !stopwords.all.has(t.base);
    const joined = i > 0 && /^[\s-]*$/.test(text.slice(tokens[i - 1].end, t.start));
    if (!content || !joined) {
      if (run.length) runs.push(run);
      run = [];
    }
    if (content) run.push({ key: stem(t.base, language), surface: t.lower, language, words: 1 });
  });
  if (run.length) runs.push(run);
  return runs;
}

const join = (units: readonly Unit[]): Unit => ({
  key: units.map((u) => u.key).join(' '),
  surface: units.map((u) => u.surface).join(' '),
  language: units[0].language,
  words: units.length,
});

function rank(counts: Map<string, number>, idf: (key: string) => number, total: number, units: Map<string, Unit>, surfaces: Map<string, Map<string, number>>, top: number, phrases: boolean): KeyTerm[] {
  return [...counts]
    .filter(([key]) => (units.get(key)!.words > 1) === phrases)
    .map(([key, count]) => {
      const forms = [...surfaces.get(key)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const unit = units.get(key)!;
      return { key, term: forms[0][0], language: unit.language, words: unit.words, count, score: +((count / total) * idf(key)).toFixed(6) };
    })
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
    .slice(0, top);
}

function fromTelaah(doc: TelaahDocument): DiscoveryDocument {
  return {
    id: doc.id,
    sentences: doc.segments.sentences.filter((s) => !s.inFootnote).map((s) => ({ text: doc.text.slice(s.start, s.end), language: s.language, start: s.start, end: s.end })),
  };
}

export function discoverThemes(input: readonly (DiscoveryDocument | TelaahDocument)[], options: DiscoverOptions = {}): Discovery {
  const top = options.top ?? 25;
  const minPhraseCount = options.minPhraseCount ?? 3;
  const stopwords = options.stopwords ?? loadStopwords();
  const docs = input.map((d) => ('segments' in d ? fromTelaah(d) : d));

  // Pass 1: content runs per sentence, and how often each 2–3 word phrase occurs.
  const runsBySentence: { doc: number; text: string; start?: number; end?: number; runs: Unit[][] }[] = [];
  const phraseCounts = new Map<string, number>();
  docs.forEach((d, doc) => {
    for (const s of d.sentences) {
      const tokens = tokenize(s.text);
      const language: StemLanguage = s.language === 'id' || s.language === 'en' ? s.language : guessLanguage(tokens, stopwords);
      const runs = contentRuns(s.text, tokens, stopwords, language);
      runsBySentence.push({ doc, text: s.text, start: s.start, end: s.end, runs });
      for (const run of runs) {
        for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) {
          const key = join(run.slice(i, i + n)).key;
          phraseCounts.set(key, (phraseCounts.get(key) ?? 0) + 1);
        }
      }
    }
  });
  const isPhrase = (key: string) => (phraseCounts.get(key) ?? 0) >= minPhraseCount;

  // Pass 2: units, longest frequent phrase first, so "hak asasi manusia" is one unit.
  const units = new Map<string, Unit>();
  const surfaces = new Map<string, Map<string, number>>();
  const sentences: PreparedSentence[] = runsBySentence.map(({ doc, text, start, end, runs }) => {
    const out: Unit[] = [];
    for (const run of runs) {
      for (let i = 0; i < run.length; ) {
        let taken = 1;
        for (let n = 3; n >= 2; n--) if (i + n <= run.length && isPhrase(join(run.slice(i, i + n)).key)) { taken = n; break; }
        out.push(taken === 1 ? run[i] : join(run.slice(i, i + taken)));
        i += taken;
      }
    }
    for (const u of out) {
      if (!units.has(u.key)) units.set(u.key, u);
      const forms = surfaces.get(u.key) ?? new Map<string, number>();
      forms.set(u.surface, (forms.get(u.surface) ?? 0) + 1);
      surfaces.set(u.key, forms);
    }
    return { doc, text, start, end, units: out };
  });

  // Document and sentence frequencies.
  const sentenceDf = new Map<string, number>();
  const docDf = new Map<string, number>();
  const docCounts = docs.map(() => new Map<string, number>());
  const corpusCounts = new Map<string, number>();
  const sentenceSets = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    const seen = new Set<string>();
    for (const u of s.units) {
      docCounts[s.doc].set(u.key, (docCounts[s.doc].get(u.key) ?? 0) + 1);
      corpusCounts.set(u.key, (corpusCounts.get(u.key) ?? 0) + 1);
      if (seen.has(u.key)) continue;
      seen.add(u.key);
      sentenceDf.set(u.key, (sentenceDf.get(u.key) ?? 0) + 1);
      (sentenceSets.get(u.key) ?? sentenceSets.set(u.key, []).get(u.key)!).push(i);
    }
  });
  docCounts.forEach((counts) => { for (const key of counts.keys()) docDf.set(key, (docDf.get(key) ?? 0) + 1); });
  const nSent = Math.max(1, sentences.length);
  const sentenceIdf = (key: string) => Math.log((1 + nSent) / (1 + (sentenceDf.get(key) ?? 0))) + 1;
  const docIdf = docs.length > 1 ? (key: string) => Math.log((1 + docs.length) / (1 + (docDf.get(key) ?? 0))) + 1 : sentenceIdf;

  const documents = docs.map((d, i) => {
    const total = [...docCounts[i].values()].reduce((a, b) => a + b, 0) || 1;
    return { id: d.id, keyTerms: rank(docCounts[i], docIdf, total, units, surfaces, top, false), keyPhrases: rank(docCounts[i], docIdf, total, units, surfaces, top, true) };
  });
  const corpusTotal = [...corpusCounts.values()].reduce((a, b) => a + b, 0) || 1;
  const corpus = {
    keyTerms: rank(corpusCounts, sentenceIdf, corpusTotal, units, surfaces, top, false),
    keyPhrases: rank(corpusCounts, sentenceIdf, corpusTotal, units, surfaces, top, true),
  };

  // Candidate themes: greedy clusters of co-occurring top units (seen in at least 3 sentences).
  const pool = rank(corpusCounts, sentenceIdf, corpusTotal, units, surfaces, Number.MAX_SAFE_INTEGER, false)
    .concat(rank(corpusCounts, sentenceIdf, corpusTotal, units, surfaces, Number.MAX_SAFE_INTEGER, true))
    // Seen in a few sentences, but not everywhere: ubiquitous words ("negara", "hukum") join every
    // cluster and would merge all candidates into one.
    .filter((k) => (sentenceDf.get(k.key) ?? 0) >= 3 && (sentenceDf.get(k.key) ?? 0) <= Math.max(5, nSent * (options.maxSentenceShare ?? 0.12)))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
    .slice(0, options.candidateTerms ?? 60);
  const cosine = (a: string, b: string) => {
    const sa = new Set(sentenceSets.get(a));
    const sb = sentenceSets.get(b)!;
    let co = 0;
    for (const x of sb) if (sa.has(x)) co++;
    return co / Math.sqrt(sa.size * sb.length);
  };
  const assigned = new Set<string>();
  const clusters: KeyTerm[][] = [];
  for (const seed of pool) {
    if (assigned.has(seed.key)) continue;
    const cluster = [seed];
    for (const other of pool) {
      if (cluster.length >= 8) break;
      if (other.key === seed.key || assigned.has(other.key)) continue;
      const withSeed = cosine(seed.key, other.key);
      const mean = cluster.reduce((s, c) => s + cosine(c.key, other.key), 0) / cluster.length;
      if (withSeed >= 0.25 && mean >= 0.15) cluster.push(other);
    }
    if (cluster.length < 2) continue;
    for (const c of cluster) assigned.add(c.key);
    clusters.push(cluster);
  }
  const candidates = clusters
    .map((cluster) => {
      const keys = new Set(cluster.map((c) => c.key));
      const scored = sentences
        .map((s) => ({ s, n: new Set(s.units.filter((u) => keys.has(u.key)).map((u) => u.key)).size }))
        .filter((x) => x.n >= 2);
      const examples = [...scored].sort((a, b) => b.n - a.n || a.s.text.length - b.s.text.length).slice(0, 3);
      return {
        label: cluster.slice(0, 3).map((c) => c.term).join(' / '),
        topTerms: cluster,
        sentences: examples.map(({ s }) => ({ documentId: docs[s.doc].id, text: s.text, ...(s.start !== undefined ? { start: s.start, end: s.end } : {}) })),
        support: scored.length,
      };
    })
    .filter((c) => c.support > 0)
    .sort((a, b) => b.support - a.support || a.label.localeCompare(b.label))
    .slice(0, options.maxCandidates ?? 20)
    .map((c, i) => ({ index: i + 1, ...c }));
  return { documents, corpus, candidates };
}

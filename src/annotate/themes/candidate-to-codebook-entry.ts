/**
 * `telaah codebook add --from-candidate N`: turns a discovered candidate theme into a codebook theme
 * entry, ready to be written as YAML and then edited by the researcher (names, description and
 * rules are drafts). The entry validates against the codebook's theme schema; its terms are the
 * candidate's surface forms under the language they were stemmed in.
 */
import type { Theme } from './codebook-schema.js';
import type { CandidateTheme } from './discover-themes.js';

function slugOf(text: string): string {
  const slug = text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return slug || 'candidate';
}

export function candidateToCodebookEntry(candidate: CandidateTheme): Theme {
  const terms = { en: [] as string[], id: [] as string[] };
  for (const t of candidate.topTerms) if (!terms[t.language].includes(t.term)) terms[t.language].push(t.term);
  const id = `candidate-${candidate.index}-${slugOf(candidate.topTerms.slice(0, 2).map((t) => t.term).join(' '))}`;
  return {
    id,
    name: { en: candidate.label, id: candidate.label },
    description: `Draft from discovery candidate ${candidate.index} (${candidate.support} sentences with two or more of its terms); describe what the theme covers.`,
    include: candidate.sentences.length ? `Example: ${candidate.sentences[0].text}` : undefined,
    parent: null,
    rules: [{ id: 'candidate-terms', weight: 1, terms, note: 'Generated from discovery: prune and extend before use.' }],
  };
}

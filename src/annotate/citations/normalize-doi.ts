/**
 * DOIs in every written form ("doi:10.…", "DOI: 10.…", "https://doi.org/10.…", "dx.doi.org/…",
 * URL-encoded slashes) found in a string and normalized to the bare, lower-case "10.x/…" form with
 * trailing punctuation trimmed. A candidate that fails the DOI syntax (prefix "10." + 4–9 digit
 * registrant + "/" + a non-empty suffix) is not a DOI. DOIs are case-insensitive (DOI Handbook 2.4),
 * so lower-casing loses nothing and makes them comparable.
 */
import type { Span } from '../../span.js';

export interface FoundDoi {
  readonly doi: string;
  /** The span of the whole written form, prefix included, in the searched string. */
  readonly span: Span;
}

const DOI_FORM = /(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|\bdoi\s?:?\s?)?(10\.\d{4,9}(?:\/|%2F)[^\s"<>]+)/gi;
const SYNTAX = /^10\.\d{4,9}\/\S+$/;
const TRAILING = /[.,;:'"”’\]}>]$/;

/** The bare normalized DOI, or null when `raw` holds no syntactically valid one. */
export function normalizeDoi(raw: string): string | null {
  DOI_FORM.lastIndex = 0;
  const m = DOI_FORM.exec(raw.trim());
  return m ? cleanDoi(m[1]) : null;
}

/** Every DOI in `text`, in order, with the span of its written form. */
export function findDois(text: string): FoundDoi[] {
  const found: FoundDoi[] = [];
  DOI_FORM.lastIndex = 0;
  for (let m = DOI_FORM.exec(text); m; m = DOI_FORM.exec(text)) {
    const doi = cleanDoi(m[1]);
    if (!doi) continue;
    // The span ends where the kept DOI ends, so trimmed punctuation stays outside it.
    const keptLength = trimmedLength(m[1].replace(GLUED_LABEL, ''));
    found.push({ doi, span: { start: m.index, end: m.index + m[0].length - (m[1].length - keptLength) } });
  }
  return found;
}

/** A label glued after the DOI by text extraction (".URL http…", ".PDF"), written in capitals. */
const GLUED_LABEL = /\.(?:URL|PDF|HTML|Available|Accessed|Retrieved)$/;

function cleanDoi(candidate: string): string | null {
  const unglued = candidate.replace(GLUED_LABEL, '');
  const doi = unglued.slice(0, trimmedLength(unglued)).replace(/%2F/gi, '/').toLowerCase();
  return SYNTAX.test(doi) ? doi : null;
}

/** Length after trimming trailing punctuation; a closing parenthesis stays when it closes one in the DOI. */
function trimmedLength(candidate: string): number {
  let open = 0;
  for (const ch of candidate) if (ch === '(') open++;
  else if (ch === ')') open--;
  let end = candidate.length;
  for (;;) {
    const last = candidate[end - 1];
    if (end > 0 && TRAILING.test(last)) end--;
    else if (last === ')' && open < 0) {
      end--;
      open++;
    } else return end;
  }
}

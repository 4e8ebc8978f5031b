/**
 * The citation string a quotation carries into a write-up: "Author (Year), p. N" when the document's own
 * author and year are known, else "Title, p. N" (the store keeps titles; author and year of the
 * documents themselves are not extracted yet). N is the page's printed label when layout found one.
 */
import path from 'node:path';

export interface CitableDocument {
  readonly title: string | null;
  readonly file: string;
  readonly author?: string | null;
  readonly year?: string | number | null;
}

export function quoteCitation(document: CitableDocument, page: string | number): string {
  if (document.author && document.year) return `${document.author} (${document.year}), p. ${page}`;
  // To do: document author and year once extraction keeps them (PDF info, first-page byline).
  const title = document.title?.replace(/\s+/g, ' ').trim() || path.basename(document.file);
  return `${title}, p. ${page}`;
}

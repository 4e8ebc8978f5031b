/** The small part of citation-js (0.7, untyped) the bibliography export uses. */
declare module 'citation-js' {
  export default class Cite {
    constructor(data: unknown, options?: { forceType?: string; generateGraph?: boolean });
    readonly data: Record<string, unknown>[];
    format(format: 'bibtex' | 'ris' | 'data' | 'bibliography' | 'citation', options?: Record<string, unknown>): string;
  }
}

/**
 * A RegExp alternation of words kept as data: longest first (so "op. cit." wins over "op"), regex
 * characters escaped, each "." optional and each space one optional space. Safe to embed: no nested
 * quantifiers, so patterns built from it stay linear on adversarial input.
 */
export function wordAlternation(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '.' ? '\u0000' : `\\${c}`))
        .replace(/ /g, ' ?')
        .replace(/\u0000/g, '\\.?'),
    )
    .join('|');
}

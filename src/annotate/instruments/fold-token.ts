/**
 * Folds one word to the key the matcher compares: lower case, diacritics removed, then the
 * registry's folds applied ("mengenai" → "tentang", "kovenan" → "konvensi"). The same function keys
 * the registry names and the text, so both sides always agree.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function foldToken(raw: string, folds: Readonly<Record<string, string>>): string {
  let key = raw.toLowerCase();
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 127) {
      key = key.normalize('NFD').replace(COMBINING, '');
      break;
    }
  }
  return Object.prototype.hasOwnProperty.call(folds, key) ? folds[key] : key;
}

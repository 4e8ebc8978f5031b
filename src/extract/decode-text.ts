/**
 * Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or without
 * one when the pattern of NUL bytes says so), else Windows-1252 when the bytes are not valid UTF-8.
 * Line ends become "\n" (CRLF and lone CR); stray NUL characters are removed and counted.
 *
 * Returns the text and what was done, or `binary` with a description when the bytes are not text
 * (a known file signature, or too many control bytes), so the caller can fail the document with a
 * reason. Never throws on any input.
 */
import { decodeWindows1252 } from './decode-windows-1252.js';
import { readExtractData } from './read-extract-data.js';

export type TextEncodingName = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'utf-16le (BOM)' | 'utf-16be (BOM)' | 'windows-1252';

export type DecodedText =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: TextEncodingName; readonly nulsRemoved: number }
  | { readonly kind: 'binary'; readonly description: string };

interface Signature {
  readonly hex: string;
  readonly name: string;
}

/** Bytes inspected to decide UTF-16 without BOM and binary content. */
const SAMPLE = 64 * 1024;
/** Share of control bytes (excluding tab, newlines, form feed, escape) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.05;

function matchesSignature(bytes: Uint8Array): string | null {
  for (const sig of readExtractData<Signature[]>('binary-signatures.yaml')) {
    const n = sig.hex.length / 2;
    if (bytes.length < n) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = bytes[i] === parseInt(sig.hex.slice(2 * i, 2 * i + 2), 16);
    if (ok) return sig.name;
  }
  return null;
}

/** UTF-16 without BOM: text in Latin script has a NUL in every other byte, on the high-byte side. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > 0.4 * pairs && evenNul < 0.05 * pairs) return 'utf-16le';
  if (evenNul > 0.4 * pairs && oddNul < 0.05 * pairs) return 'utf-16be';
  return null;
}

function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if ((b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 127) control++;
  }
  return n ? control / n : 0;
}

function finish(raw: string, encoding: TextEncodingName): DecodedText {
  let nulsRemoved = 0;
  let text = raw;
  if (text.includes('\0')) {
    const before = text.length;
    text = text.replaceAll('\0', '');
    nulsRemoved = before - text.length;
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { kind: 'text', text, encoding, nulsRemoved };
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), 'utf-8 (BOM)');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), 'utf-16le (BOM)');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), 'utf-16be (BOM)');
  const signature = matchesSignature(bytes);
  if (signature) return { kind: 'binary', description: `it is ${signature}, not text` };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(new TextDecoder(utf16).decode(bytes), utf16);
  const share = controlShare(bytes);
  if (share > MAX_CONTROL_SHARE) {
    return { kind: 'binary', description: `${Math.round(share * 100)}% of its first bytes are control characters, so it is binary data, not text` };
  }
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    return finish(decodeWindows1252(bytes), 'windows-1252');
  }
}

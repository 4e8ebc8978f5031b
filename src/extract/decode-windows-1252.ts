/**
 * Decodes bytes as Windows-1252. Node's TextDecoder treats the "windows-1252" label as ISO-8859-1 and
 * leaves 0x80–0x9F as C1 control characters; Windows-1252 puts curly quotes, dashes, the euro sign and
 * a few letters there (table: WHATWG Encoding Standard, index-windows-1252). Returns the decoded text.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let out = '';
  let from = 0;
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) {
      out += latin1.slice(from, i) + HIGH[c - 0x80];
      from = i + 1;
    }
  }
  return from === 0 ? latin1 : out + latin1.slice(from);
}

/**
 * SHA-1 (FIPS 180-4) of a string's UTF-8 bytes, in plain JavaScript, for the many short keys a REFI-QDA
 * export turns into GUIDs (one per selection and per coding: hundreds of thousands in a large store).
 * node:crypto pays a native call and a Hash object per key, several times the cost of hashing 60 bytes
 * here. Not for secrets and not for long input (the message is copied once); the digest is the
 * standard one, checked against node:crypto in the tests.
 */
const W = new Int32Array(80);
let scratch = new Uint8Array(256);
const encoder = new TextEncoder();

export function sha1(text: string): Buffer {
  // UTF-8 is at most 3 bytes per UTF-16 unit; room for the 0x80 marker and the 8-byte length too.
  const need = text.length * 3 + 72;
  if (scratch.length < need) scratch = new Uint8Array(need * 2);
  const length = encoder.encodeInto(text, scratch).written;
  const blocks = ((length + 8) >> 6) + 1;
  const end = blocks * 64;
  scratch.fill(0, length, end);
  scratch[length] = 0x80;
  const bits = length * 8;
  const view = new DataView(scratch.buffer, scratch.byteOffset, end);
  view.setUint32(end - 8, Math.floor(bits / 0x100000000));
  view.setUint32(end - 4, bits >>> 0);

  let h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  for (let offset = 0; offset < end; offset += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getInt32(offset + t * 4);
    for (let t = 16; t < 80; t++) {
      const x = W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16];
      W[t] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let t = 0; t < 80; t++) {
      let f: number, k: number;
      if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + W[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  const out = Buffer.allocUnsafe(20);
  out.writeInt32BE(h0, 0);
  out.writeInt32BE(h1, 4);
  out.writeInt32BE(h2, 8);
  out.writeInt32BE(h3, 12);
  out.writeInt32BE(h4, 16);
  return out;
}

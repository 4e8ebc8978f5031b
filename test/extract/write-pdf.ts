/**
 * Test helper: writes small PDFs byte by byte, so tests can make inputs no library produces on purpose
 * (RC4-encrypted files, damaged compressed streams). Objects are numbered from 1 in the order given;
 * the cross-reference table is computed. Encryption follows the PDF 1.7 Standard security handler,
 * revision 2 (40-bit RC4), algorithms 2, 3 and 4 of ISO 32000-1 §7.6.3.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export type PdfObjectBody = { readonly dict: string; readonly stream?: Uint8Array } | string;

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
const pad = (password: string): Buffer => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

export interface Encryption {
  readonly userPassword: string;
  readonly ownerPassword: string;
}

export function writePdf(objects: readonly PdfObjectBody[], options: { encryption?: Encryption } = {}): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const all: PdfObjectBody[] = [...objects];
  let fileKey: Buffer | null = null;
  let encryptRef = '';
  if (options.encryption) {
    const { userPassword, ownerPassword } = options.encryption;
    const permissions = Buffer.alloc(4);
    permissions.writeInt32LE(-4);
    const o = rc4(md5(pad(ownerPassword || userPassword)).subarray(0, 5), pad(userPassword));
    fileKey = md5(pad(userPassword), o, permissions, id).subarray(0, 5);
    const u = rc4(fileKey, PAD);
    all.push(`<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -4 >>`);
    encryptRef = ` /Encrypt ${all.length} 0 R`;
  }
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets: number[] = [];
  all.forEach((body, index) => {
    const num = index + 1;
    offsets.push(length);
    let text: Buffer;
    if (typeof body === 'string') text = Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1');
    else {
      let data = Buffer.from(body.stream ?? new Uint8Array());
      const isEncryptDict = options.encryption && num === all.length;
      if (fileKey && !isEncryptDict) {
        const objectKey = md5(fileKey, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
        data = rc4(objectKey, data);
      }
      text = Buffer.concat([
        Buffer.from(`${num} 0 obj\n<< ${body.dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]);
    }
    chunks.push(text);
    length += text.length;
  });
  const xref = [`xref\n0 ${all.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${all.length + 1} /Root 1 0 R${encryptRef} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

/** A one-page PDF showing `lines` in Helvetica, with a Flate-compressed content stream. */
export function textPdfObjects(lines: readonly string[], compress = true): PdfObjectBody[] {
  const content = ['BT /F1 12 Tf 72 720 Td 14 TL', ...lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) '`), 'ET'].join('\n');
  const data = compress ? deflateSync(Buffer.from(content, 'latin1')) : Buffer.from(content, 'latin1');
  return [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: compress ? '/Filter /FlateDecode' : '', stream: data },
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
}

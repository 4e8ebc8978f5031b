import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/extract-file.js';
import { markdownTitle } from '../../src/extract/markdown-title.js';
import { DocumentFailure, Report } from '../../src/message.js';

const real = new URL('../../../shared/corpus/real/', import.meta.url);
const options = { minWordShare: 0.5, minCommonWordShare: 0.05 };

async function extract(file: string, bytes: Uint8Array) {
  const report = new Report(file);
  const raw = await extractFile(file, bytes, options, report);
  return { raw, report, texts: raw.pages.map((p) => p.lines.map((l) => l.text)) };
}

const utf16le = (s: string, bom: boolean): Uint8Array => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Uint8Array => Buffer.from(Buffer.from(s, 'utf16le').swap16());

describe('extractFile on text files', () => {
  it('reads UTF-8 with a BOM and CRLF line ends (the hukumonline UU 18/2017 copy)', async () => {
    const { raw, report } = await extract('uu-18-2017-pelindungan-pekerja-migran.txt', new Uint8Array(readFileSync(new URL('uu-18-2017-pelindungan-pekerja-migran.txt', real))));
    expect(raw.info).toEqual({ encoding: 'utf-8 (BOM)' });
    expect(raw.sourceText.startsWith('www.hukumonline.com/pusatdata \nUNDANG-UNDANG REPUBLIK INDONESIA \n')).toBe(true);
    expect(raw.sourceText).not.toMatch(/[\r\uFEFF]/);
    expect(raw.pages[0].lines[1]).toEqual({ text: 'UNDANG-UNDANG REPUBLIK INDONESIA ', page: 1, sourceStart: 31, sourceEnd: 64 });
    expect(report.messages).toEqual([]);
  });

  it('decodes invalid UTF-8 as Windows-1252 and says so', async () => {
    const bytes = Buffer.from('Pasal 28D: Setiap orang berhak atas pengakuan \x93jaminan\x94 \x96 caf\xe9.\r\n', 'latin1');
    const { raw, report } = await extract('ansi.txt', bytes);
    expect(raw.sourceText).toBe('Pasal 28D: Setiap orang berhak atas pengakuan “jaminan” – café.\n');
    expect(raw.info.encoding).toBe('windows-1252');
    expect(report.messages.map((m) => [m.severity, m.rule])).toEqual([['info', 'windows-1252']]);
  });

  it('reads UTF-16 LE with a BOM, and UTF-16 LE and BE without one', async () => {
    const text = 'Article 1\r\nFor the purposes of this Convention, the term “refugee” applies.';
    const expected = 'Article 1\nFor the purposes of this Convention, the term “refugee” applies.';
    const withBom = await extract('bom.txt', utf16le(text, true));
    expect([withBom.raw.sourceText, withBom.raw.info.encoding]).toEqual([expected, 'utf-16le (BOM)']);
    const le = await extract('le.txt', utf16le(text, false));
    expect([le.raw.sourceText, le.raw.info.encoding]).toEqual([expected, 'utf-16le']);
    const be = await extract('be.txt', utf16be(text));
    expect([be.raw.sourceText, be.raw.info.encoding]).toEqual([expected, 'utf-16be']);
  });

  it('turns lone CR into line ends and splits pages at form feeds', async () => {
    const { raw, texts } = await extract('pages.txt', Buffer.from('BAB I\rKETENTUAN UMUM\fPasal 1\nDalam Undang-Undang ini yang dimaksud dengan:'));
    expect(texts).toEqual([['BAB I', 'KETENTUAN UMUM'], ['Pasal 1', 'Dalam Undang-Undang ini yang dimaksud dengan:']]);
    expect(raw.sourceText).toBe('BAB I\nKETENTUAN UMUM\fPasal 1\nDalam Undang-Undang ini yang dimaksud dengan:');
    expect(raw.pages[1].lines[0]).toMatchObject({ page: 2, sourceStart: 21, sourceEnd: 28 });
  });

  it('removes stray NUL bytes with a warning', async () => {
    const line = 'Setiap orang berhak atas perlindungan hukum yang adil.\n';
    const { raw, report } = await extract('nul.txt', Buffer.from(`${line}Setiap orang\0 berhak atas\0\0 perlindungan.\n${line}`));
    expect(raw.sourceText).toBe(`${line}Setiap orang berhak atas perlindungan.\n${line}`);
    expect(report.messages.map((m) => [m.severity, m.rule, m.reason])).toEqual([['warning', 'nul-bytes', '3 NUL character(s) were removed from the text; the file may be partly damaged or in an unusual encoding']]);
  });

  it('fails a binary file named .txt, naming the format when it is known', async () => {
    const fail = async (name: string, bytes: Uint8Array): Promise<DocumentFailure> => {
      try {
        await extractFile(name, bytes, options, new Report(name));
      } catch (error) {
        if (error instanceof DocumentFailure) return error;
        throw error;
      }
      throw new Error(`${name} did not fail`);
    };
    const pdf = await fail('disguised.txt', Buffer.from('%PDF-1.7\n1 0 obj\n'));
    expect(pdf.detail).toMatchObject({ rule: 'binary', reason: 'the file is named as text but it is a PDF, not text; give it the right extension or remove it from the input' });
    const noise = await fail('noise.txt', new Uint8Array(2048).map((_, i) => (i * 31) % 256));
    expect(noise.detail.rule).toBe('binary');
    expect(noise.detail.reason).toMatch(/control characters, so it is binary data/);
  });

  it('takes a Markdown title from Pelican metadata, YAML front matter or the first heading', async () => {
    const pelican = Buffer.from('Title: Indonesia\nTemplate: case\n\nThe US embassy worked closely with the police.');
    expect((await extract('case.md', pelican)).raw.info).toEqual({ title: 'Indonesia', encoding: 'utf-8' });
    expect(markdownTitle('---\nlayout: post\ntitle: "Scorecard Diplomacy"\n---\n# Other')).toBe('Scorecard Diplomacy');
    expect(markdownTitle('```\n# not this\n```\n\n# Protocol Relating to the Status of Refugees #\ntext')).toBe('Protocol Relating to the Status of Refugees');
    expect(markdownTitle('No heading here.\n## Second level only')).toBeNull();
    expect((await extract('notes.txt', pelican)).raw.info).toEqual({ encoding: 'utf-8' });
  });
});

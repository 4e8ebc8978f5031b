import { describe, expect, it } from 'vitest';
import { TextBuilder, fromSource, toSourceEnd, toSourceStart } from '../src/offset-map.js';

describe('offset maps record cleanup edits so spans map back to the source', () => {
  // Source: "perlin-\ndungan hak\n¹ note"; normalized: "perlindungan hak" + notes "note".
  const source = 'perlin-\ndungan hak\n1 note';
  const b = new TextBuilder();
  b.copy('perlin', 0);
  b.replace('', 6, 2); // "-\n" removed: de-hyphenation
  b.copy('dungan hak', 8);
  b.insert('\n\n', 18);
  b.copy('note', 21);
  const { text, map } = b.build();

  it('builds the normalized text', () => {
    expect(text).toBe('perlindungan hak\n\nnote');
  });

  it('maps a span across a removed hyphen back to the whole source word', () => {
    const start = text.indexOf('perlindungan');
    const end = start + 'perlindungan'.length;
    expect(source.slice(toSourceStart(map, start), toSourceEnd(map, end))).toBe('perlin-\ndungan');
  });

  it('maps a moved footnote back to its place in the source', () => {
    const start = text.indexOf('note');
    expect(source.slice(toSourceStart(map, start), toSourceEnd(map, start + 4))).toBe('note');
    expect(fromSource(map, source.indexOf('note'))).toBe(start);
  });

  it('maps source offsets inside copied text exactly', () => {
    expect(fromSource(map, source.indexOf('hak'))).toBe(text.indexOf('hak'));
  });

  it('merges adjacent verbatim copies so the map stays small', () => {
    const m = new TextBuilder().copy('ab', 0).copy('cd', 2).build().map;
    expect(m.norm).toEqual([0]);
    expect(m.normLength).toEqual([4]);
  });
});

import { describe, expect, it } from 'vitest';
import { groupLines, type PositionedText } from '../../src/extract/group-lines.js';

/** A horizontal item: text at (x, y) with a font size; width from a 0.5 em average glyph. */
function item(str: string, x: number, y: number, size = 10, width = str.length * size * 0.5, fontName = 'F1'): PositionedText {
  return { str, transform: [size, 0, 0, size, x, y], width, height: size, fontName };
}

describe('groupLines', () => {
  it('orders lines top to bottom and items left to right, whatever the input order', () => {
    const lines = groupLines([item('second', 72, 688), item('world', 110, 700), item('Hello', 72, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'second']);
    expect(lines[0]).toMatchObject({ x: 72, y: 700, fontSize: 10 });
    expect(lines[0].width).toBeCloseTo(110 + 25 - 72);
  });

  it('keeps line text equal to its items joined, the separating space on the item before it', () => {
    const [line] = groupLines([item('Hello', 72, 700), item(' ', 97, 700, 10, 2.5), item('world', 100, 700)]);
    expect(line.text).toBe('Hello world');
    expect(line.items.map((i) => i.text)).toEqual(['Hello ', 'world']);
    expect(line.items.map((i) => i.text).join('')).toBe(line.text);
  });

  it('joins items with no gap and no blank between them without a space', () => {
    const [line] = groupLines([item('Regu', 72, 700, 10, 20), item('lation', 92, 700, 10, 30)]);
    expect(line.text).toBe('Regulation');
  });

  it('inserts a space for a word-sized gap even when the PDF has no space character', () => {
    const [line] = groupLines([item('of', 72, 700, 10, 10), item('its', 85, 700, 10, 15)]);
    expect(line.text).toBe('of its');
  });

  it('never merges two columns that share a baseline', () => {
    const lines = groupLines([
      item('left column text', 70, 700, 9.5, 218),
      item('right column text', 339.5, 700, 9.5, 218),
      item('left again', 70, 689, 9.5, 218),
      item('right again', 339.5, 689.3, 9.5, 218),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['left column text', 'right column text', 'left again', 'right again']);
  });

  it('keeps a widely justified word gap (under 1.4 em) inside the line', () => {
    const lines = groupLines([item('of', 53.45, 417, 9.84, 8.74), item('its', 71.12, 417, 9.84, 10.38)]);
    expect(lines.map((l) => l.text)).toEqual(['of its']);
  });

  it('attaches a raised, smaller footnote marker to the line it sits on, not to the line above', () => {
    const lines = groupLines([
      item('above line', 53.45, 590.4, 9.84, 300),
      item('Koreans', 53.45, 578.88, 9.84, 36.55),
      item('9 ', 90, 582.96, 6, 6.31),
      item('and, for fiscal years', 96.31, 578.88, 9.84, 100),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['above line', 'Koreans9 and, for fiscal years']);
    expect(lines[1].y).toBe(578.88);
    expect(lines[1].fontSize).toBe(9.84);
    expect(lines[1].items.map((i) => [i.text, i.fontSize])).toEqual([['Koreans', 9.84], ['9 ', 6], ['and, for fiscal years', 9.84]]);
  });

  it('attaches a footnote number set before the note text to the note line', () => {
    const lines = groupLines([item('9', 54, 150.6, 5, 2.5), item('Eligibility for North Koreans', 57, 147.8, 7.9, 120)]);
    expect(lines.map((l) => l.text)).toEqual(['9Eligibility for North Koreans']);
  });

  it('drops text drawn twice for a fake bold effect', () => {
    const [line] = groupLines([item('TITLE', 100, 700, 12), item('TITLE', 100.3, 700.2, 12)]);
    expect(line.text).toBe('TITLE');
  });

  it('drops empty and whitespace-only items', () => {
    const lines = groupLines([item('', 10, 700), item('   ', 10, 680), item('text', 10, 660)]);
    expect(lines.map((l) => l.text)).toEqual(['text']);
    expect(lines[0].items).toHaveLength(1);
  });

  it('groups text rotated by 90 degrees (a landscape printout) in its own reading frame', () => {
    const rotated = (str: string, x: number, y: number): PositionedText => ({ str, transform: [0, 8, -8, 0, x, y], width: str.length * 4, height: 8, fontName: 'F1' });
    const lines = groupLines([rotated('second line', 73, 27), rotated('first', 65, 27), rotated('line', 65, 50)]);
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second line']);
  });
});

describe('groupLines on letter-spaced display type', () => {
  it('removes the spaces pdfjs puts between tracked letters, keeping word gaps', () => {
    const lines = groupLines([
      item('r e l a t i n g', 558, 306, 10, 67.5),
      item(' ', 625.9, 306, 10, 0.95),
      item('t o', 635.4, 306, 10, 16.4),
      item(' ', 651.8, 306, 10, 0.95),
      item('t h e', 661.3, 306, 10, 25.2),
      item('s tat u s', 558, 276, 20, 86.4),
      item(' ', 644.8, 276, 20, 0.65),
      item('o f', 657.8, 276, 20, 28.7),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['relating to the', 'status of']);
  });

  it('leaves ordinary short words alone', () => {
    const lines = groupLines([item('a b', 72, 700, 10, 15), item('Pasal 1 huruf a dan b', 72, 680, 10, 100)]);
    expect(lines.map((l) => l.text)).toEqual(['a b', 'Pasal 1 huruf a dan b']);
  });
});

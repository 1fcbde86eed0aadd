import { describe, expect, it } from 'vitest';
import { layoutImage, legendFontPx, MAX_PIXELS } from './layout';
import { layoutLegend } from './legend';
import { safeFileName, uniqueFileNames } from './names';
import { numberNotes, type NumberedNote } from './notes';
import { IMAGE_BOX, layoutNotesColumn, NOTES_WIDTH, PAGE, printable } from './pageLayout';
import { scaleToFit } from './png';

/** Monospace fake: every glyph is 0.5 em wide. */
const mono = (text: string, px: number) => text.length * px * 0.5;

describe('legend', () => {
  it('wraps each note to its column and puts the speaker under the words', () => {
    const l = layoutLegend([{ number: 1, text: 'a bus stop by the river bank', speaker: 'Ana' }], 300, 20, mono);
    const block = l.blocks[0]!;
    const words = block.lines.filter((x) => x.tone === 'text');
    // 300 wide - 2 x 20 padding - badge indent (2 x 15.6 + 12) = 216.8 px: 21 glyphs of 10 px a line.
    expect(words.map((w) => w.text)).toEqual(['a bus stop by the', 'river bank']);
    for (const w of words) expect(mono(w.text, 20)).toBeLessThanOrEqual(216.8);
    expect(block.lines.at(-1)).toMatchObject({ text: '— Ana', tone: 'speaker' });
    expect(block.badge.r).toBeCloseTo(15.6);
    expect(l.height).toBeGreaterThan(3 * 20 * 1.3);
  });

  it('breaks a word longer than the column and never loses text', () => {
    const long = 'x'.repeat(80);
    const l = layoutLegend([{ number: 1, text: long, speaker: '' }], 300, 20, mono);
    expect(l.blocks[0]!.lines.map((x) => x.text).join('')).toBe(long);
  });

  it('fills columns in number order, about evenly', () => {
    const notes = Array.from({ length: 6 }, (_, i) => ({ number: i + 1, text: 'note', speaker: 'Bo' }));
    const l = layoutLegend(notes, 1000, 20, mono, 3);
    const xs = [...new Set(l.blocks.map((b) => Math.round(b.badge.x)))];
    expect(xs).toHaveLength(3);
    expect(l.blocks.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6]);
    // Read down, then across: 1-2 in the first column, 3-4 in the second.
    expect(l.blocks[1]!.badge.x).toBe(l.blocks[0]!.badge.x);
    expect(l.blocks[2]!.badge.x).toBeGreaterThan(l.blocks[1]!.badge.x);
  });

  it('has no height without notes', () => {
    expect(layoutLegend([], 300, 20, mono).height).toBe(0);
  });
});

describe('image layout', () => {
  const region = { minX: 97, minY: 297, maxX: 223, maxY: 383 }; // 126 x 86

  it('sizes the image by region, padding and scale', () => {
    for (const scale of [1, 2, 3]) {
      const l = layoutImage(region, { scale, padding: 20 }, null, mono);
      expect([l.width, l.height]).toEqual([(126 + 40) * scale, (86 + 40) * scale]);
      expect(l.origin).toEqual({ x: 20 * scale, y: 20 * scale });
    }
  });

  it('puts the legend below a wide drawing and beside a tall one, scaled with it', () => {
    const notes = [{ number: 1, text: 'hello', speaker: 'Ana' }];
    const wide = layoutImage({ minX: 0, minY: 0, maxX: 1000, maxY: 300 }, { scale: 2, padding: 0 }, notes, mono);
    expect(wide.legend!.y).toBe(600);
    expect(wide.height).toBe(Math.ceil(600 + wide.legend!.height));
    expect(wide.legend!.fontPx).toBeCloseTo(legendFontPx(1000) * 2);
    const tall = layoutImage({ minX: 0, minY: 0, maxX: 400, maxY: 600 }, { scale: 1, padding: 0 }, notes, mono);
    expect(tall.legend!.x).toBe(400);
    expect(tall.width).toBe(Math.ceil(400 + tall.legend!.width));
  });

  it('shrinks the scale of an image too big for a canvas', () => {
    const l = layoutImage({ minX: 0, minY: 0, maxX: 20000, maxY: 10000 }, { scale: 3, padding: 0 }, null, mono);
    expect(l.width * l.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(l.scale).toBeLessThan(1);
  });
});

describe('notes', () => {
  it('numbers the notes in the region by their order', () => {
    const box = (x: number) => ({ minX: x, minY: 0, maxX: x + 10, maxY: 10 });
    const notes = [
      { id: 'c', box: box(0), text: 'c', speaker: '', order: 'a2' },
      { id: 'a', box: box(0), text: 'a', speaker: '', order: 'a0' },
      { id: 'far', box: box(5000), text: 'far', speaker: '', order: 'a1' },
    ];
    expect(numberNotes(notes, { minX: 0, minY: 0, maxX: 100, maxY: 100 }).map((n) => [n.id, n.number])).toEqual([['a', 1], ['c', 2]]);
  });
});

describe('file names', () => {
  it('keeps names readable and safe everywhere', () => {
    expect(safeFileName('Zoë Ñandú')).toBe('Zoë Ñandú');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j');
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('  ...  ')).toBe('easel');
    expect(safeFileName('CON')).toBe('CON_');
    expect(safeFileName('a\u202Egnp.exe')).toBe('agnp.exe');
    expect([...safeFileName('😀'.repeat(100))]).toHaveLength(60);
  });

  it('makes names unique within a ZIP, ignoring case', () => {
    expect(uniqueFileNames(['Ana', 'ana', 'Ana', '', '李'], 'png')).toEqual(['Ana.png', 'ana (2).png', 'Ana (3).png', 'easel.png', '李.png']);
  });
});

describe('handout page', () => {
  const note = (number: number, text: string, speaker = 'Ana'): NumberedNote => ({ id: `n${number}`, box: { minX: 0, minY: 0, maxX: 1, maxY: 1 }, text, speaker, order: `a${number}`, number });

  it('leaves the drawing the page beside a notes column', () => {
    expect(IMAGE_BOX.width + NOTES_WIDTH + 24 + 2 * PAGE.margin).toBe(PAGE.width);
    expect(scaleToFit({ minX: 0, minY: 0, maxX: 1200, maxY: 900 }, IMAGE_BOX.width, IMAGE_BOX.height, 2)).toBeCloseTo((IMAGE_BOX.width / 1200) * 2);
    // Never more pixels than asked: a small region keeps its scale.
    expect(scaleToFit({ minX: 0, minY: 0, maxX: 100, maxY: 100 }, IMAGE_BOX.width, IMAGE_BOX.height, 2)).toBe(2);
  });

  it('sets a few notes at 12 pt, wrapped to the column, with who said it', () => {
    const col = layoutNotesColumn([note(1, 'the bus stop by the river where I wait every morning')], 240, 500, mono);
    expect(col.size).toBe(12);
    expect(col.fits).toBe(1);
    const b = col.blocks[0]!;
    expect(b.words.length).toBeGreaterThan(1);
    for (const w of b.words) expect(mono(w, 12)).toBeLessThanOrEqual(240 - col.indent);
    expect(b.speaker).toEqual(['— Ana']);
  });

  it('shrinks the type for many notes, down to 7 pt, and says how many fit', () => {
    const many = Array.from({ length: 12 }, (_, i) => note(i + 1, 'a fairly long note about the drawing that takes a few lines'));
    const col = layoutNotesColumn(many, 240, 500, mono);
    expect(col.size).toBeLessThan(12);
    expect(col.height).toBeLessThanOrEqual(500);
    expect(col.fits).toBe(12);
    const tooMany = Array.from({ length: 80 }, (_, i) => note(i + 1, 'a fairly long note about the drawing that takes a few lines'));
    const squeezed = layoutNotesColumn(tooMany, 240, 500, mono);
    expect(squeezed.size).toBe(7);
    expect(squeezed.fits).toBeGreaterThan(0);
    expect(squeezed.fits).toBeLessThan(80);
  });

  it('strips control characters a PDF font cannot show', () => {
    expect(printable('a\tb\u0007c\nd')).toBe('a bc\nd');
  });
});

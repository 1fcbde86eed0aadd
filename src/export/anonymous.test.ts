import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { estimateMeasure } from '../geometry/textLayout';
import { addAnnotation } from '../model/annotations';
import { Board } from '../model/board';
import { easelBox, readEasels } from '../model/easels';
import { easelFileNames } from './names';
import { legendNotes, numberNotes } from './notes';
import { scopeOf } from './png';
import { ANONYMOUS, readSource } from './source';

/** A board with two easels (Bea's and Zoë's) and notes on Bea's: one with a speaker, one without. */
function workshop(): Board {
  const doc = new Y.Doc();
  const frames = doc.getMap<unknown>('frames');
  doc.transact(() => {
    for (const [slot, [owner, name]] of [['bea', 'Bea'], ['zoe', 'Zoë']].entries()) {
      const m = new Y.Map<unknown>();
      frames.set(`e-${owner}`, m);
      for (const [k, v] of Object.entries({ owner, name, slot, x: slot * 1360, y: 0, w: 1200, h: 900 })) m.set(k, v);
    }
  });
  const board = new Board(doc, 'facilitator');
  const bea = readEasels(doc).find((e) => e.name === 'Bea')!;
  addAnnotation(board, { target: bea.id, region: { minX: 100, minY: 100, maxX: 300, maxY: 200 }, targetBox: easelBox(bea), text: 'the bus stop', speaker: 'Ana' });
  addAnnotation(board, { target: bea.id, region: { minX: 400, minY: 100, maxX: 500, maxY: 200 }, targetBox: easelBox(bea), text: 'my bike' });
  return board;
}

describe('exports where the board hides names', () => {
  it('prints names by default: the speaker, or the artist when nobody is named', () => {
    const source = readSource(workshop(), estimateMeasure);
    expect(source.hideNames).toBe(false);
    expect(source.easels.map((e) => e.name).sort()).toEqual(['Bea', 'Zoë']);
    expect(source.notes.map((n) => [n.text, n.speaker])).toEqual([
      ['the bus stop', 'Ana'],
      ['my bike', 'Bea'],
    ]);
  });

  it('says "anonymous" for every artist and every speaker, in the legend too', () => {
    const source = readSource(workshop(), estimateMeasure, { hideNames: true });
    expect(source.easels.map((e) => e.name)).toEqual([ANONYMOUS, ANONYMOUS]);
    expect(source.notes.map((n) => n.speaker)).toEqual([ANONYMOUS, ANONYMOUS]);
    const legend = legendNotes(numberNotes(source.notes, { minX: 0, minY: 0, maxX: 1200, maxY: 900 }));
    expect(legend.map((n) => n.speaker)).toEqual([ANONYMOUS, ANONYMOUS]);
    expect(JSON.stringify(source.easels) + JSON.stringify(source.notes)).not.toMatch(/Bea|Zoë|Ana/);
  });

  it('numbers the files of the ZIP instead of naming them', () => {
    expect(easelFileNames(['Bea', 'Zoë', 'Bea'], false, 'png')).toEqual(['Bea.png', 'Zoë.png', 'Bea (2).png']);
    expect(easelFileNames(['Bea', 'Zoë', 'Bea'], true, 'png')).toEqual(['easel-01.png', 'easel-02.png', 'easel-03.png']);
    const many = easelFileNames(Array.from({ length: 120 }, () => ANONYMOUS), true, 'png');
    expect([many[0], many[119]]).toEqual(['easel-001.png', 'easel-120.png']);
    expect(new Set(many).size).toBe(120);
  });

  it('names one easel\'s picture by its number, not its artist', () => {
    const board = workshop();
    const shown = readSource(board, estimateMeasure);
    const hidden = readSource(board, estimateMeasure, { hideNames: true });
    const zoe = shown.easels.findIndex((e) => e.name === 'Zoë');
    const id = shown.easels[zoe]!.id;
    expect(scopeOf(shown, { kind: 'easel', id }).name).toBe('Zoë');
    expect(scopeOf(hidden, { kind: 'easel', id }).name).toBe(`easel-0${zoe + 1}`);
  });
});

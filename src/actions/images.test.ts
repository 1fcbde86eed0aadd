import { describe, expect, it } from 'vitest';
import { easelOf, readEasels, syncEasels } from '../model/easels';
import { setEaselOnly, setEaselsOn } from '../model/easelSession';
import type { ImageItem } from '../model/schema';
import { makeKit } from '../tools/testKit';
import { pictureSize, placePicture } from './images';
import { styleOfItems } from './style';

const pic = { hash: 'cd'.repeat(32), mime: 'image/jpeg' as const, width: 2560, height: 1920 };

describe('placing a picture', () => {
  it('fits the view (half its width, two thirds of its height), never above its own size', () => {
    expect(pictureSize({ width: 2560, height: 1920 }, { width: 1280, height: 800 })).toEqual({ w: 640, h: 480 });
    expect(pictureSize({ width: 1920, height: 2560 }, { width: 1280, height: 800 }).h).toBeCloseTo(528);
    expect(pictureSize({ width: 200, height: 100 }, { width: 1280, height: 720 })).toEqual({ w: 200, h: 100 });
  });

  it('lands in the middle of the view (or where it was dropped), selected, with the Select tool', () => {
    const kit = makeKit({ tool: 'pen' });
    const id = placePicture(kit.ctx, pic, { x: 100, y: 100 })!;
    const item = kit.board.getItem(id) as ImageItem;
    expect(item).toMatchObject({ kind: 'image', blob: pic.hash, pw: 2560, ph: 1920, author: 'me' });
    expect(item.x + item.w / 2).toBeCloseTo(100);
    expect(item.y + item.h / 2).toBeCloseTo(100);
    expect(kit.editor.selection).toEqual([id]);
    expect(kit.editor.tool).toBe('select');
    // A picture has nothing to style: no style panel.
    expect(styleOfItems([item])).toBeNull();
  });

  it('with easels on, a participant puts it on their own easel, inside it', () => {
    const kit = makeKit({ participantId: 'p-me-000001' });
    syncEasels(kit.board.doc, [{ id: 'p-other-0001', name: 'Other' }, { id: 'p-me-000001', name: 'Me' }]);
    setEaselsOn(kit.board.doc, true);
    setEaselOnly(kit.board.doc, true);
    const easel = easelOf(readEasels(kit.board.doc), 'p-me-000001')!;
    const id = placePicture(kit.ctx, { ...pic, width: 5000, height: 1000 }, { x: -5000, y: -5000 })!;
    const item = kit.board.getItem(id) as ImageItem;
    expect(item.x).toBeGreaterThanOrEqual(easel.x);
    expect(item.y).toBeGreaterThanOrEqual(easel.y);
    expect(item.x + item.w).toBeLessThanOrEqual(easel.x + easel.w);
    expect(item.y + item.h).toBeLessThanOrEqual(easel.y + easel.h);
    expect(item.w / item.h).toBeCloseTo(5);
  });
});

/**
 * Placing an uploaded picture on the board: where it was dropped or in the middle of the view,
 * sized to be seen whole (at most half the view's width, two thirds of its height, and never larger
 * than its own pixels at 100 %), selected, with the Select tool, so it can be moved at once.
 *
 * Easels (issue 5) are being built separately: until they exist, a participant's picture is placed
 * in their view like the facilitator's.
 */
import type { BoardContext } from '../editor/context';
import type { Vec } from '../geometry/camera';
import type { ImageType } from '../model/schema';

export interface UploadedPicture {
  hash: string;
  mime: ImageType;
  width: number;
  height: number;
}

/** Display size of a picture for a view of `view` board px. */
export function pictureSize(pic: { width: number; height: number }, view: { width: number; height: number }): { w: number; h: number } {
  const k = Math.min(1, (view.width * 0.5) / pic.width, (view.height * 0.66) / pic.height);
  return { w: Math.max(8, pic.width * k), h: Math.max(8, pic.height * k) };
}

/** Adds the picture as this person's item, centred on `at` (board px) or the view. Returns its id, or null when not allowed. */
export function placePicture(ctx: BoardContext, pic: UploadedPicture, at?: Vec | null): string | null {
  if (!ctx.mayCreate()) return null;
  const { editor } = ctx;
  const { viewport } = editor.state.get();
  const zoom = editor.camera.zoom;
  const size = pictureSize(pic, { width: viewport.width / zoom, height: viewport.height / zoom });
  const centre = at ?? editor.viewCenter();
  const id = ctx.board().addItem({
    kind: 'image',
    blob: pic.hash,
    mime: pic.mime,
    pw: pic.width,
    ph: pic.height,
    x: centre.x - size.w / 2,
    y: centre.y - size.h / 2,
    w: size.w,
    h: size.h,
    rotation: 0,
  });
  editor.setTool('select');
  editor.select([id]);
  return id;
}

/**
 * Placing an uploaded picture on the board: where it was dropped or in the middle of the view,
 * sized to be seen whole (at most half the view's width, two thirds of its height, and never larger
 * than its own pixels at 100 %), selected, with the Select tool, so it can be moved at once.
 *
 * With easels on, a person who has an easel puts the picture on it: where they dropped it or the
 * view's middle when that is on their easel, else in the middle of their easel; it fits inside the
 * easel (the facilitator, who has none, places anywhere).
 */
import type { BoardContext } from '../editor/context';
import type { Vec } from '../geometry/camera';
import { easelBox, easelOf, readEasels } from '../model/easels';
import { readEaselSettings } from '../model/easelSession';
import type { Easel, ImageType } from '../model/schema';

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

/** Margin kept between a picture and the edge of the easel it is placed on, board px. */
const EASEL_MARGIN = 40;

/** The box (centre and size) a picture gets on an easel: inside it, near `want` when that is on it. */
export function placeOnEasel(easel: Easel, size: { w: number; h: number }, want: Vec): { centre: Vec; w: number; h: number } {
  const k = Math.min(1, (easel.w - 2 * EASEL_MARGIN) / size.w, (easel.h - 2 * EASEL_MARGIN) / size.h);
  const w = size.w * k, h = size.h * k;
  const on = want.x >= easel.x && want.x <= easel.x + easel.w && want.y >= easel.y && want.y <= easel.y + easel.h;
  const c = on ? want : { x: easel.x + easel.w / 2, y: easel.y + easel.h / 2 };
  const clampTo = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  return {
    centre: { x: clampTo(c.x, easel.x + EASEL_MARGIN + w / 2, easel.x + easel.w - EASEL_MARGIN - w / 2), y: clampTo(c.y, easel.y + EASEL_MARGIN + h / 2, easel.y + easel.h - EASEL_MARGIN - h / 2) },
    w,
    h,
  };
}

/** Adds the picture as this person's item, centred on `at` (board px) or the view. Returns its id, or null when not allowed. */
export function placePicture(ctx: BoardContext, pic: UploadedPicture, at?: Vec | null): string | null {
  const { editor } = ctx;
  const board = ctx.board();
  const { viewport } = editor.state.get();
  const zoom = editor.camera.zoom;
  let size = pictureSize(pic, { width: viewport.width / zoom, height: viewport.height / zoom });
  let centre = at ?? editor.viewCenter();
  const easel = readEaselSettings(board.doc).easels ? easelOf(readEasels(board.doc), board.author) : undefined;
  if (easel) {
    const placed = placeOnEasel(easel, size, centre);
    centre = placed.centre;
    size = { w: placed.w, h: placed.h };
  }
  if (!ctx.mayCreate(centre)) return null;
  const id = board.addItem({
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
  // Placed on an easel out of sight: show the easel.
  const view = { x: editor.camera.x, y: editor.camera.y, w: viewport.width / zoom, h: viewport.height / zoom };
  if (easel && (centre.x < view.x || centre.y < view.y || centre.x > view.x + view.w || centre.y > view.y + view.h)) editor.zoomToBox(easelBox(easel));
  return id;
}

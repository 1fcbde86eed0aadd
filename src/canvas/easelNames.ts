/**
 * Easel names on the projector's far views (whole board, gallery). There an easel is small on the
 * wall, and its name, kept legible (LABEL_MIN_SCREEN_PX), covers the top of the card, right where
 * people draw: ink drawn there crossed the letters. So on the projector, once the camera is that
 * far out, the name is drawn above the ink, on a patch of the card's white just around the letters
 * (a little translucent, so the ink under it still shows faintly): it reads as the same label as
 * before, only clear. Every name keeps one size (a wall of labels in mixed sizes looks restless); a
 * name too long for its card is shortened the way a name tag would be ("Hana Van der Berg" ->
 * "Hana V."), and only then cut with an ellipsis at the card's edge. Laptops keep the label under the ink (the
 * artist sees it there and draws around it). Pure geometry in screen px; EaselNamesLayer draws it.
 */
import type { Camera } from '../geometry/camera';
import type { Easel } from '../model/schema';

export const EASEL_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** The card's label: board px at normal zoom, never under LABEL_MIN_SCREEN_PX on screen. */
export const LABEL_PX = 72;
export const LABEL_MIN_SCREEN_PX = 32;
/** The label's largest share of the card's height (a small card keeps room for the drawing). */
export const LABEL_SHARE = 0.22;
/**
 * The same on the wall's far views, where the name no longer covers the drawing's ink but sits on
 * it: a little more, so that forty names in a gallery stay over 25 px (2.5 cm on a 2 m picture).
 */
export const WALL_LABEL_SHARE = 0.26;
/** The label's inset from the card's corner, board px (y: 0.8 of it). */
export const LABEL_PAD = 32;

/** The card label's font size in board px at a zoom (EaselLayer; the wall's far views pass WALL_LABEL_SHARE). */
export const labelBoardPx = (easel: Easel, zoom: number, share = LABEL_SHARE): number => Math.min(Math.max(LABEL_PX, LABEL_MIN_SCREEN_PX / zoom), easel.h * share);

/** Whether names go above the ink at this zoom: when the label would grow past its board size. */
export const namesAbove = (zoom: number): boolean => LABEL_MIN_SCREEN_PX / zoom > LABEL_PX;

export interface NamePlate {
  /** The white patch, screen px. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The text's box inside the patch (cut with an ellipsis beyond `textW`). */
  textX: number;
  textY: number;
  textW: number;
  fontPx: number;
  /** The name as shown (shortened when the whole one does not fit: shortName). */
  text: string;
}

/** A name that fits `fits`, or its first word and the next one's initial, or its first word. */
export function shortName(name: string, fits: (text: string) => boolean): string {
  if (fits(name)) return name;
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return name;
  const initial = `${words[0]} ${[...words[1]!][0]!.toUpperCase()}.`;
  return fits(initial) ? initial : words[0]!;
}

/** Where the name of `easel` goes at `camera`; `measure(text, px)`: the name's width at a size. */
export function namePlate(easel: Easel, camera: Camera, measure: (text: string, px: number) => number): NamePlate {
  const z = camera.zoom;
  const left = (easel.x - camera.x) * z, top = (easel.y - camera.y) * z;
  const base = labelBoardPx(easel, z, WALL_LABEL_SHARE) * z;
  const pad = Math.round(base * 0.25);
  // Where the card's own label would be, kept off the card's rounded border.
  const textX = left + Math.max(LABEL_PAD * z, pad + 2), textY = top + Math.max(LABEL_PAD * 0.8 * z, pad / 2 + 2);
  const room = Math.max(1, left + easel.w * z - pad - 2 - textX);
  const text = shortName(easel.name, (t) => measure(t, base) <= room);
  const textW = Math.min(room, Math.ceil(measure(text, base)) + 1);
  return { x: textX - pad, y: textY - pad / 2, w: textW + 2 * pad, h: base + pad, textX, textY, textW, fontPx: base, text };
}

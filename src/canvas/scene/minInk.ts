/**
 * A floor on how thin ink may look, for the projector: zoomed out to a whole board of easels, a 3 px
 * pen line is under a device pixel and vanishes from the back of the room. With a floor, a line that
 * would show thinner than it is drawn at the floor; anything wider keeps its true width.
 *
 * No outline is rebuilt: the stroke's own perfect-freehand outline is filled, then stroked around
 * with the missing width (a stroke of width d around a closed outline grows it by d/2 on each side),
 * so its shape, ends and turns stay those that were drawn. Below LOD_BELOW_K the centre line that is
 * drawn anyway simply gets the floor as its width. Translucent ink (the highlighter) cannot be
 * filled and stroked (the overlap would show darker), so a thinned highlighter is drawn as its
 * centre line at the floor. Pure arithmetic here; the drawing is in draw.ts and LiveLayer.
 */

/** The projector's floor, CSS px: about a 1 mm line on a 2 m wide picture of 1920 px. */
export const PROJECTED_MIN_INK_PX = 1.75;

/**
 * Board px a line must have to show `minDevice` device px where one board px is `k` device px;
 * 0 when there is no floor.
 */
export function minBoardWidth(minDevice: number | undefined, k: number): number {
  return minDevice && minDevice > 0 && k > 0 ? minDevice / k : 0;
}

/** The width to add around ink of nominal `width` so it shows at least `minBoard`; 0 when none. */
export function inkDeficit(width: number, minBoard: number): number {
  return minBoard > width ? minBoard - width : 0;
}

/** How much a stroke's own scale multiplies its widths (the geometric mean of the two axes). */
export function scaleOf(scaleX: number, scaleY: number): number {
  return Math.sqrt(Math.abs(scaleX * scaleY)) || 1;
}

/**
 * Fills a stroke's outline in the current fill colour, at least `minBoard` wide (board px in the
 * context's current frame). `centre`: the stroke's centre line, for translucent ink.
 */
export function fillInk(ctx: CanvasRenderingContext2D, outline: Path2D, centre: Path2D | null, width: number, minBoard: number, translucent: boolean): void {
  const deficit = inkDeficit(width, minBoard);
  if (deficit > 0 && translucent && centre) {
    strokeCentre(ctx, centre, minBoard);
    return;
  }
  ctx.fill(outline);
  if (deficit === 0) return;
  ctx.strokeStyle = ctx.fillStyle;
  ctx.lineWidth = deficit;
  ctx.lineJoin = 'round';
  ctx.stroke(outline);
}

/** Strokes a centre line `width` board px wide in the current fill colour, with round ends. */
export function strokeCentre(ctx: CanvasRenderingContext2D, centre: Path2D, width: number): void {
  ctx.strokeStyle = ctx.fillStyle;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(centre);
}

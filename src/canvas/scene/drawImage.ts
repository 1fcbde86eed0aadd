/**
 * A picture on the board, in its own frame (0, 0, w, h): the bitmap when it is decoded, otherwise a
 * calm grey card with a picture icon and a word ("Loading photo…" / "Photo not available"), so a
 * late joiner sees where pictures are while they arrive.
 */
import type { ImageItem } from '../../model/schema';
import type { ImageState } from '../images/imageCache';

const CARD = '#eceef1';
const CARD_EDGE = 'rgba(31, 35, 40, 0.10)';
const ICON = '#8a919a';
const LABEL = '#5c636c';
const FONT = '"Inter", "Segoe UI", system-ui, sans-serif';

export function drawImageItem(ctx: CanvasRenderingContext2D, item: ImageItem, k: number, state: ImageState): void {
  const { w, h } = item;
  if (state.status === 'ready') {
    // A faint shadow lifts a white sheet of paper off the white board.
    ctx.shadowColor = 'rgba(31, 35, 40, 0.14)';
    ctx.shadowBlur = 6 * k;
    ctx.shadowOffsetY = 1.5 * k;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.shadowColor = 'transparent';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(state.source, 0, 0, w, h);
    ctx.strokeStyle = CARD_EDGE;
    ctx.lineWidth = 1 / k;
    ctx.strokeRect(0, 0, w, h);
    return;
  }
  ctx.fillStyle = CARD;
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, Math.min(8, w / 8, h / 8));
  ctx.fill();
  ctx.strokeStyle = CARD_EDGE;
  ctx.lineWidth = 1 / k;
  ctx.stroke();
  // Icon and words are sized for the screen, not the board, within the card.
  const px = Math.min(w, h) * k;
  if (px < 24) return;
  const icon = Math.min(56, px * 0.35) / k;
  const label = state.status === 'error' ? 'Photo not available' : 'Loading photo…';
  const fontPx = 15 / k;
  const showLabel = h * k > 110 && w * k > 150;
  const cy = h / 2 - (showLabel ? fontPx * 1.2 : 0);
  drawPictureIcon(ctx, w / 2, cy, icon, 1.8 / k, state.status === 'error');
  if (!showLabel) return;
  ctx.fillStyle = LABEL;
  ctx.font = `500 ${fontPx}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(label, w / 2, cy + icon / 2 + fontPx * 0.8);
}

/** A framed landscape (a hill and a sun), struck through when the picture is missing. */
function drawPictureIcon(ctx: CanvasRenderingContext2D, cx: number, cy: number, size: number, line: number, crossed: boolean): void {
  const w = size, h = size * 0.78;
  const x = cx - w / 2, y = cy - h / 2;
  ctx.strokeStyle = ICON;
  ctx.fillStyle = ICON;
  ctx.lineWidth = line;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, size * 0.1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x + w * 0.1, y + h * 0.85);
  ctx.lineTo(x + w * 0.38, y + h * 0.5);
  ctx.lineTo(x + w * 0.58, y + h * 0.72);
  ctx.lineTo(x + w * 0.72, y + h * 0.58);
  ctx.lineTo(x + w * 0.9, y + h * 0.85);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x + w * 0.7, y + h * 0.3, size * 0.08, 0, Math.PI * 2);
  ctx.fill();
  if (crossed) {
    ctx.beginPath();
    ctx.moveTo(x - w * 0.05, y + h * 1.05);
    ctx.lineTo(x + w * 1.05, y - h * 0.05);
    ctx.stroke();
  }
}

/**
 * The step before a picture lands on the board: turn it a quarter at a time, crop it with handles
 * (drag them, or focus one and use the arrow keys), and optionally "Clean up" a photo of paper.
 * The preview is a smaller copy; "Add to board" renders the full picture (at most 2560 px), encodes
 * and uploads it.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cleanUpCanvas, decodeFile, encodeForUpload, PictureError, PREVIEW_MAX_SIDE, renderTurned, UPLOAD_MAX_SIDE } from './canvasOps';
import { dragCrop, FULL_CROP, turnCropClockwise, turnCropCounterClockwise, type Crop, type CropHandle } from './imageOps';
import { CaptureIcons } from './icons';

interface Props {
  source: Blob;
  /** The picture came from the camera: offer to take it again. */
  onRetake?: () => void;
  onCancel(): void;
  /** Uploads and places the prepared picture; rejects with a message for people. */
  onPlace(picture: Blob): Promise<void>;
  /** Largest upload the server takes, bytes. */
  maxBytes: number;
}

const HANDLES: Array<[CropHandle, string]> = [
  ['nw', 'top left corner'],
  ['n', 'top edge'],
  ['ne', 'top right corner'],
  ['e', 'right edge'],
  ['se', 'bottom right corner'],
  ['s', 'bottom edge'],
  ['sw', 'bottom left corner'],
  ['w', 'left edge'],
];

const KEY_STEP = 0.02;

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong with this picture. Try again.';
}

export function EditPicture({ source, onRetake, onCancel, onPlace, maxBytes }: Props) {
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [turns, setTurns] = useState(0);
  const [crop, setCrop] = useState<Crop>(FULL_CROP);
  const [clean, setClean] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The preview is being redrawn (cleaning up a big picture takes a moment). */
  const [working, setWorking] = useState(false);
  const [previewSize, setPreviewSize] = useState<{ width: number; height: number } | null>(null);
  // (previewSize: the frame shows once the first preview is drawn)
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ handle: CropHandle; start: Crop; x: number; y: number } | null>(null);

  useEffect(() => {
    let live = true;
    let decoded: ImageBitmap | null = null;
    decodeFile(source).then(
      (b) => {
        decoded = b;
        if (live) setBitmap(b);
        else b.close();
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
      decoded?.close();
    };
  }, [source]);

  // The preview: the whole picture, turned (and cleaned up); the crop is drawn over it.
  useEffect(() => {
    if (!bitmap) return;
    let live = true;
    const preview = renderTurned(bitmap, turns, FULL_CROP, PREVIEW_MAX_SIDE);
    setWorking(clean);
    void (clean ? cleanUpCanvas(preview) : Promise.resolve()).then(() => {
      const canvas = canvasRef.current;
      if (!live || !canvas) return;
      setWorking(false);
      canvas.width = preview.width;
      canvas.height = preview.height;
      canvas.getContext('2d')!.drawImage(preview, 0, 0);
      setPreviewSize({ width: preview.width, height: preview.height });
    });
    return () => {
      live = false;
    };
  }, [bitmap, turns, clean]);

  const turn = (clockwise: boolean) => {
    setTurns((t) => t + (clockwise ? 1 : 3));
    setCrop((c) => (clockwise ? turnCropClockwise(c) : turnCropCounterClockwise(c)));
  };

  const onPointerDown = (handle: CropHandle) => (e: PointerEvent) => {
    if (busy) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    drag.current = { handle, start: crop, x: e.clientX, y: e.clientY };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    const frame = frameRef.current?.getBoundingClientRect();
    if (!d || !frame || frame.width === 0) return;
    setCrop(dragCrop(d.start, d.handle, (e.clientX - d.x) / frame.width, (e.clientY - d.y) / frame.height));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onHandleKey = (handle: CropHandle) => (e: KeyboardEvent) => {
    const dx = e.key === 'ArrowLeft' ? -KEY_STEP : e.key === 'ArrowRight' ? KEY_STEP : 0;
    const dy = e.key === 'ArrowUp' ? -KEY_STEP : e.key === 'ArrowDown' ? KEY_STEP : 0;
    if (!dx && !dy) return;
    e.preventDefault();
    setCrop((c) => dragCrop(c, handle, dx, dy));
  };

  const place = useCallback(async () => {
    if (!bitmap || busy) return;
    setBusy(true);
    setError(null);
    try {
      const canvas = renderTurned(bitmap, turns, crop, UPLOAD_MAX_SIDE);
      if (clean) await cleanUpCanvas(canvas);
      const keepTransparency = !clean && (source.type === 'image/png' || source.type === 'image/webp');
      const picture = await encodeForUpload(canvas, maxBytes, keepTransparency);
      await onPlace(picture);
    } catch (e) {
      setError(e instanceof PictureError ? e.message : messageOf(e));
      setBusy(false);
    }
  }, [bitmap, busy, turns, crop, clean, source, maxBytes, onPlace]);

  const cropped = crop.x > 0.001 || crop.y > 0.001 || crop.w < 0.999 || crop.h < 0.999;
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

  return (
    <>
      <div className="cap-stage" onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        {!bitmap && !error && <p className="cap-wait">Opening the picture…</p>}
        <div ref={frameRef} className="cap-frame" hidden={!bitmap || !previewSize}>
          <canvas ref={canvasRef} className="cap-canvas" aria-label="Picture preview" role="img" />
          <div
            className="cap-crop"
            style={{ left: pct(crop.x), top: pct(crop.y), width: pct(crop.w), height: pct(crop.h) }}
            onPointerDown={onPointerDown('move')}
            aria-hidden="true"
          />
          {HANDLES.map(([handle, name]) => (
            <button
              key={handle}
              type="button"
              className={`cap-handle cap-handle-${handle}`}
              aria-label={`Crop: ${name}`}
              title="Drag to crop (or use the arrow keys)"
              disabled={busy}
              style={{
                left: pct(crop.x + (handle.includes('w') ? 0 : handle.includes('e') ? crop.w : crop.w / 2)),
                top: pct(crop.y + (handle.startsWith('n') ? 0 : handle.startsWith('s') ? crop.h : crop.h / 2)),
              }}
              onPointerDown={onPointerDown(handle)}
              onKeyDown={onHandleKey(handle)}
            />
          ))}
        </div>
      </div>
      <div className="cap-tools" role="group" aria-label="Edit the picture">
        <button type="button" className="cap-tool" onClick={() => turn(false)} disabled={!bitmap || busy}>
          {CaptureIcons.rotateLeft}
          Rotate left
        </button>
        <button type="button" className="cap-tool" onClick={() => turn(true)} disabled={!bitmap || busy}>
          {CaptureIcons.rotateRight}
          Rotate right
        </button>
        <button type="button" className="cap-tool" onClick={() => setCrop(FULL_CROP)} disabled={!cropped || busy}>
          {CaptureIcons.crop}
          Undo crop
        </button>
        <span className="cap-status" aria-live="polite">
          {working ? 'Cleaning up…' : ''}
        </span>
        <label className="cap-switch">
          <input type="checkbox" checked={clean} onChange={(e) => setClean(e.target.checked)} disabled={!bitmap || busy} />
          <span>
            <strong>Clean up</strong>
            <small>Paper white, ink dark</small>
          </span>
        </label>
      </div>
      {error && (
        <p className="cap-error" role="alert">
          {error}
        </p>
      )}
      <div className="cap-actions">
        {onRetake && (
          <button type="button" className="cap-secondary" onClick={onRetake} disabled={busy}>
            Retake
          </button>
        )}
        <span className="cap-spacer" />
        <button type="button" className="cap-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="cap-primary" onClick={() => void place()} disabled={!bitmap || busy} autoFocus>
          {busy ? 'Adding…' : 'Add to board'}
        </button>
      </div>
    </>
  );
}

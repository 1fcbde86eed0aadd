/**
 * Encodes a finished export off the main thread: the page hands over the canvas's pixels as an
 * ImageBitmap (a transfer, no copy) and gets the PNG or JPEG back. Encoding a 2400 x 1800 PNG is a
 * few hundred ms of one uninterruptible task, which would freeze the tab.
 */
interface Request {
  id: number;
  bitmap: ImageBitmap;
  type: 'image/png' | 'image/jpeg';
  quality?: number;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = async (e) => {
  const { id, bitmap, type, quality } = e.data;
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
    const blob = await canvas.convertToBlob({ type, quality });
    scope.postMessage({ id, blob });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};

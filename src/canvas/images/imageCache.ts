/**
 * Pictures for the canvas (and for export): each blob fetched and decoded once per board, shared by
 * every view that draws it, and kept within a memory budget. The bytes live on the server under
 * their SHA-256 (`GET /api/boards/:id/images/:hash`, cached by the browser for a year), so a
 * picture dropped from this cache comes back from the HTTP cache, not the network.
 *
 * Decoded pictures are at most MAX_DECODED_SIDE px on their long side: that is sharp on a 1920 px
 * projector and caps one picture at ~16 MB of RGBA instead of ~20 MB for a 2560 px photo (or
 * 400 MB for a 10,000 px one uploaded through the API).
 */
import { imagePath } from '../../protocol/api';

export type ImageState =
  | { status: 'loading' }
  | { status: 'ready'; source: CanvasImageSource; width: number; height: number }
  | { status: 'error'; message: string };

/** What the renderer needs: the state of a picture (asking starts its load) and news of loads. */
export interface ImageSource {
  get(hash: string): ImageState;
  /** Called with a hash whenever its state changes (loaded or failed). Returns the unsubscribe. */
  onChange(listener: (hash: string) => void): () => void;
}

export const MAX_DECODED_SIDE = 2048;
const DEFAULT_BUDGET_BYTES = 384 * 1024 * 1024;
/** A picture drawn this recently is never evicted (it is on screen). */
const KEEP_RECENT_MS = 5000;
const RETRY_DELAYS_MS = [1000, 3000, 8000];

export class ImageFetchError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** The stored bytes of a picture of a board (export, or anything that needs the original file). */
export async function loadImageBytes(boardId: string, hash: string, init?: RequestInit): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(imagePath(boardId, hash), init);
  } catch {
    throw new ImageFetchError('Could not reach the server for this picture.', 0);
  }
  if (!res.ok) throw new ImageFetchError(res.status === 404 ? 'This picture is not on this board.' : 'The server could not send this picture.', res.status);
  return res.blob();
}

/** Decodes a picture, scaled down to `maxSide` on its long side when larger. */
export async function decodePicture(blob: Blob, maxSide = MAX_DECODED_SIDE): Promise<ImageBitmap> {
  const full = await createImageBitmap(blob);
  const long = Math.max(full.width, full.height);
  if (long <= maxSide) return full;
  const k = maxSide / long;
  try {
    return await createImageBitmap(full, { resizeWidth: Math.max(1, Math.round(full.width * k)), resizeHeight: Math.max(1, Math.round(full.height * k)), resizeQuality: 'high' });
  } finally {
    full.close();
  }
}

interface Entry {
  state: ImageState;
  used: number;
  bytes: number;
  /** A failure that may pass (server away, restarting): asked for again after this time. */
  retryAt?: number;
}

/** How long a picture that could not be reached waits before the next draw asks for it again. */
const RETRY_AFTER_FAILURE_MS = 10_000;

export interface ImageCacheOptions {
  budgetBytes?: number;
  load?: (hash: string) => Promise<Blob>;
  decode?: (blob: Blob) => Promise<ImageBitmap>;
  now?: () => number;
}

export class ImageCache implements ImageSource {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(hash: string) => void>();
  private readonly budget: number;
  private readonly load: (hash: string) => Promise<Blob>;
  private readonly decode: (blob: Blob) => Promise<ImageBitmap>;
  private readonly now: () => number;
  private held = 0;

  constructor(boardId: string, options: ImageCacheOptions = {}) {
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
    this.load = options.load ?? ((hash) => loadImageBytes(boardId, hash));
    this.decode = options.decode ?? ((blob) => decodePicture(blob));
    this.now = options.now ?? (() => performance.now());
  }

  get(hash: string): ImageState {
    let entry = this.entries.get(hash);
    if (entry?.retryAt !== undefined && this.now() >= entry.retryAt) {
      // The server was away: try again (the placeholder stays until it answers).
      this.entries.delete(hash);
      entry = undefined;
    }
    if (!entry) {
      entry = { state: { status: 'loading' }, used: 0, bytes: 0 };
      this.entries.set(hash, entry);
      void this.fetch(hash, entry, 0);
    }
    entry.used = this.now();
    return entry.state;
  }

  /** A decoded picture, waiting for it if needed (export); rejects when it cannot be loaded. */
  async ready(hash: string): Promise<Extract<ImageState, { status: 'ready' }>> {
    const state = this.get(hash);
    if (state.status === 'ready') return state;
    if (state.status === 'error') throw new Error(state.message);
    return new Promise((resolve, reject) => {
      const off = this.onChange((h) => {
        if (h !== hash) return;
        const s = this.entries.get(hash)?.state;
        if (s?.status === 'ready') resolve(s);
        else if (s?.status === 'error') reject(new Error(s.message));
        else return;
        off();
      });
    });
  }

  onChange(listener: (hash: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Bytes of decoded pictures held (tests, stats). */
  get heldBytes(): number {
    return this.held;
  }

  private async fetch(hash: string, entry: Entry, attempt: number): Promise<void> {
    try {
      const bitmap = await this.decode(await this.load(hash));
      if (this.entries.get(hash) !== entry) {
        bitmap.close();
        return;
      }
      entry.state = { status: 'ready', source: bitmap, width: bitmap.width, height: bitmap.height };
      entry.bytes = bitmap.width * bitmap.height * 4;
      this.held += entry.bytes;
      this.evict(hash);
    } catch (error) {
      if (this.entries.get(hash) !== entry) return;
      // A missing picture stays missing; a network hiccup is worth a few more tries.
      const status = error instanceof ImageFetchError ? error.status : -1;
      const delay = RETRY_DELAYS_MS[attempt];
      if ((status === 0 || status >= 500) && delay !== undefined) {
        setTimeout(() => void this.fetch(hash, entry, attempt + 1), delay);
        return;
      }
      entry.state = { status: 'error', message: error instanceof Error ? error.message : 'This picture could not be shown.' };
      if (status === 0 || status >= 500) {
        entry.retryAt = this.now() + RETRY_AFTER_FAILURE_MS;
        // Nudge the views then: their repaint asks again (an error card alone is never redrawn).
        setTimeout(() => this.entries.get(hash) === entry && this.notify(hash), RETRY_AFTER_FAILURE_MS);
      }
    }
    this.notify(hash);
  }

  private notify(hash: string): void {
    for (const listener of [...this.listeners]) listener(hash);
  }

  /** Drops the least recently drawn pictures (not the one just loaded, nor any on screen) over the budget. */
  private evict(keep: string): void {
    if (this.held <= this.budget) return;
    const cutoff = this.now() - KEEP_RECENT_MS;
    const candidates = [...this.entries].filter(([h, e]) => h !== keep && e.state.status === 'ready' && e.used < cutoff).sort((a, b) => a[1].used - b[1].used);
    for (const [hash, entry] of candidates) {
      if (this.held <= this.budget) break;
      if (entry.state.status === 'ready') (entry.state.source as ImageBitmap).close?.();
      this.held -= entry.bytes;
      this.entries.delete(hash);
    }
  }
}

const caches = new Map<string, ImageCache>();

/** The one picture cache of a board on this page (canvas, projector and export share it). */
export function imageCacheFor(boardId: string): ImageCache {
  let cache = caches.get(boardId);
  if (!cache) caches.set(boardId, (cache = new ImageCache(boardId)));
  return cache;
}

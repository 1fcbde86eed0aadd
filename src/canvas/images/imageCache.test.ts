import { describe, expect, it, vi } from 'vitest';
import { ImageCache, ImageFetchError } from './imageCache';

const fakeBitmap = (w: number, h: number) => ({ width: w, height: h, close() {} }) as unknown as ImageBitmap;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ImageCache', () => {
  it('loads and decodes each picture once, tells listeners, and serves it ready afterwards', async () => {
    const loads: string[] = [];
    const cache = new ImageCache('board', {
      load: async (hash) => {
        loads.push(hash);
        return new Blob([hash]);
      },
      decode: async () => fakeBitmap(40, 30),
    });
    const told: string[] = [];
    cache.onChange((h) => told.push(h));
    expect(cache.get('a').status).toBe('loading');
    expect(cache.get('a').status).toBe('loading');
    await tick();
    await tick();
    expect(cache.get('a')).toMatchObject({ status: 'ready', width: 40, height: 30 });
    expect(loads).toEqual(['a']);
    expect(told).toEqual(['a']);
    await expect(cache.ready('a')).resolves.toMatchObject({ width: 40 });
  });

  it('a missing picture becomes an error state (no endless retries)', async () => {
    const cache = new ImageCache('board', {
      load: async () => {
        throw new ImageFetchError('This picture is not on this board.', 404);
      },
    });
    const waiting = cache.ready('gone');
    await expect(waiting).rejects.toThrow('not on this board');
    expect(cache.get('gone')).toEqual({ status: 'error', message: 'This picture is not on this board.' });
  });

  it('a server that was away is asked again later, and the picture then loads', async () => {
    let t = 0;
    let up = false;
    const cache = new ImageCache('board', {
      now: () => t,
      load: async () => {
        if (!up) throw new ImageFetchError('The server could not send this picture.', 503);
        return new Blob(['x']);
      },
      decode: async () => fakeBitmap(10, 10),
    });
    const told: string[] = [];
    cache.onChange((h) => told.push(h));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      cache.get('p');
      // Three quick retries (1 s, 3 s, 8 s), then it gives up for now.
      await vi.advanceTimersByTimeAsync(13_000);
    } finally {
      vi.useRealTimers();
    }
    expect(cache.get('p').status).toBe('error');
    up = true;
    t += 60_000;
    expect(cache.get('p').status).toBe('loading');
    await vi.waitFor(() => expect(cache.get('p').status).toBe('ready'));
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps decoded pictures within its budget, never dropping one drawn just now', async () => {
    let t = 0;
    const cache = new ImageCache('board', { budgetBytes: 2 * 100 * 100 * 4, now: () => t, load: async (h) => new Blob([h]), decode: async () => fakeBitmap(100, 100) });
    for (const h of ['a', 'b', 'c']) {
      cache.get(h);
      await tick();
      await tick();
      t += 10_000;
    }
    expect(cache.heldBytes).toBe(2 * 100 * 100 * 4);
    expect(cache.get('c').status).toBe('ready');
    expect(cache.get('b').status).toBe('ready');
  });
});

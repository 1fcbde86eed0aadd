import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { JPEG_8x6, PNG_8x6, WEBP_8x6, pngDeclaring } from '../blobs/testImages';
import { createBoard, joinBoard, startTestServer, tempDir } from '../testing/helpers';

async function upload(base: string, boardId: string, body: Uint8Array | string, token?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/boards/${boardId}/images`, {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/octet-stream', ...headers },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, json, headers: res.headers };
}

/** Every file under the blob directory (temporary files included). */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('pictures: upload and download', () => {
  let server: RunningServer;
  let dataDir: string;
  let board: Awaited<ReturnType<typeof createBoard>>;
  let ada: Awaited<ReturnType<typeof joinBoard>>;
  beforeAll(async () => {
    dataDir = tempDir();
    server = await startTestServer({ dataDir, limits: { maxImageBytes: 64 * 1024 } });
    board = await createBoard(server.url);
    ada = await joinBoard(server.url, board.id, 'Ada');
  });
  afterAll(async () => {
    await server.close();
  });

  it('stores PNG, JPEG and WebP by content, typed from their bytes', async () => {
    for (const [bytes, mime] of [[PNG_8x6, 'image/png'], [JPEG_8x6, 'image/jpeg'], [WEBP_8x6, 'image/webp']] as const) {
      const res = await upload(server.url, board.id, bytes, ada.token);
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ mime, width: 8, height: 6, size: bytes.length });
      expect(res.json.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('serves the bytes with the sniffed type, nosniff, a closed CSP and a year of caching; no token needed', async () => {
    const { json } = await upload(server.url, board.id, JPEG_8x6, board.facilitatorKey);
    const res = await fetch(`${server.url}/api/boards/${board.id}/images/${json.hash as string}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG_8x6)).toBe(true);
    const again = await fetch(`${server.url}/api/boards/${board.id}/images/${json.hash as string}`, { headers: { 'If-None-Match': `"${json.hash as string}"` } });
    expect(again.status).toBe(304);
  });

  it('dedupes: the same bytes twice are one file, and the same answer', async () => {
    const before = storedFiles(dataDir).length;
    const a = await upload(server.url, board.id, PNG_8x6, ada.token);
    const b = await upload(server.url, board.id, PNG_8x6, board.facilitatorKey);
    expect(a.json).toEqual(b.json);
    expect(storedFiles(dataDir).length).toBe(before);
  });

  it('a picture is served only on the boards it was uploaded to', async () => {
    const other = await createBoard(server.url, 'Other');
    const { json } = await upload(server.url, other.id, WEBP_8x6, other.facilitatorKey);
    expect((await fetch(`${server.url}/api/boards/${other.id}/images/${json.hash as string}`)).status).toBe(200);
    const elsewhere = await createBoard(server.url, 'Elsewhere');
    expect((await fetch(`${server.url}/api/boards/${elsewhere.id}/images/${json.hash as string}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/boards/${other.id}/images/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/boards/${other.id}/images/..%2F..%2Fsketchroom.db`)).status).toBe(404);
  });

  it('needs a participant or facilitator token: missing or wrong -> 401, projector -> 403', async () => {
    expect((await upload(server.url, board.id, PNG_8x6)).status).toBe(401);
    expect((await upload(server.url, board.id, PNG_8x6, 'x'.repeat(43))).status).toBe(401);
    const other = await createBoard(server.url, 'Another');
    expect((await upload(server.url, board.id, PNG_8x6, other.facilitatorKey)).status).toBe(401);
    const projector = await upload(server.url, board.id, PNG_8x6, board.projectorKey);
    expect(projector.status).toBe(403);
    expect((await upload(server.url, 'AAAAAAAAAAAAAAAAAAAAAA', PNG_8x6, ada.token)).status).toBe(404);
  });

  describe('refusals store nothing', () => {
    const cases: Array<[string, () => Uint8Array | string, number]> = [
      ['HTML named .png', () => '<!doctype html><script>alert(1)</script>', 415],
      ['SVG with a script', () => '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 415],
      ['GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 415],
      ['a JPEG header followed by HTML', () => Buffer.concat([JPEG_8x6.subarray(0, 20), Buffer.from('<html><script>alert(1)</script></html>')]), 400],
      ['a truncated PNG', () => PNG_8x6.subarray(0, PNG_8x6.length - 20), 400],
      ['a truncated JPEG', () => JPEG_8x6.subarray(0, JPEG_8x6.length - 30), 400],
      ['a truncated WebP', () => WEBP_8x6.subarray(0, WEBP_8x6.length - 10), 400],
      ['a PNG with a broken chunk', () => {
        const b = Buffer.from(PNG_8x6);
        b[40] = b[40]! ^ 0xff;
        return b;
      }, 400],
      ['a pixel bomb: a tiny PNG declaring 100000 x 100000', () => pngDeclaring(100_000, 100_000), 422],
      ['a PNG over the pixel budget (9000 x 9000)', () => pngDeclaring(9000, 9000), 422],
      ['an empty body', () => Buffer.alloc(0), 400],
    ];
    for (const [name, make, status] of cases) {
      it(`${name} -> ${status}`, async () => {
        const before = storedFiles(dataDir);
        const res = await upload(server.url, board.id, make(), ada.token, { 'Content-Type': 'image/png' });
        expect(res.status).toBe(status);
        expect(typeof res.json.error).toBe('string');
        expect(storedFiles(dataDir)).toEqual(before);
      });
    }

    it('a PNG declared as JPEG is stored as what it is', async () => {
      const res = await upload(server.url, board.id, PNG_8x6, ada.token, { 'Content-Type': 'image/jpeg' });
      expect(res.json.mime).toBe('image/png');
    });

    it('oversized by Content-Length -> 413 at once', async () => {
      const before = storedFiles(dataDir);
      const res = await upload(server.url, board.id, Buffer.alloc(65 * 1024, 1), ada.token);
      expect(res.status).toBe(413);
      expect(storedFiles(dataDir)).toEqual(before);
    });

    it('oversized while streaming (no Content-Length) -> 413 before the body ends', async () => {
      const before = storedFiles(dataDir);
      const url = new URL(`${server.url}/api/boards/${board.id}/images`);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${ada.token}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        });
        req.on('error', reject);
        // Keep sending until the server answers: it must not wait for the end.
        const chunk = Buffer.alloc(16 * 1024, 7);
        let sent = 0;
        const pump = () => {
          if (req.destroyed || sent > 4 * 1024 * 1024) return;
          sent += chunk.length;
          if (req.write(chunk)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
      });
      expect(status).toBe(413);
      expect(storedFiles(dataDir)).toEqual(before);
    });
  });

  it('pictures survive a restart', async () => {
    const { json } = await upload(server.url, board.id, WEBP_8x6, ada.token);
    await server.close();
    server = await startTestServer({ dataDir, limits: { maxImageBytes: 64 * 1024 } });
    const res = await fetch(`${server.url}/api/boards/${board.id}/images/${json.hash as string}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
  });
});

describe('pictures: rate limits', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { maxImageUploadsPerParticipant: 3, maxConcurrentImageUploads: 1 } });
  });

  it('holds at most MAX_CONCURRENT_IMAGE_UPLOADS bodies at once: the next gets 503 with Retry-After', async () => {
    const board = await createBoard(server.url);
    // A slow upload: half the picture now, the rest later.
    const url = new URL(`${server.url}/api/boards/${board.id}/images`);
    let answer: (status: number) => void = () => {};
    const slowStatus = new Promise<number>((resolve) => (answer = resolve));
    const slow = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${board.facilitatorKey}`, 'Content-Length': String(PNG_8x6.length) } }, (res) => {
      answer(res.statusCode ?? 0);
      res.resume();
    });
    slow.write(PNG_8x6.subarray(0, 40));
    await new Promise((r) => setTimeout(r, 100));
    const busy = await upload(server.url, board.id, PNG_8x6, board.facilitatorKey);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    slow.end(PNG_8x6.subarray(40));
    expect(await slowStatus).toBe(201);
    expect((await upload(server.url, board.id, PNG_8x6, board.facilitatorKey)).status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('limits uploads per participant with 429 and Retry-After; others are not affected', async () => {
    const board = await createBoard(server.url);
    const ada = await joinBoard(server.url, board.id, 'Ada');
    for (let i = 0; i < 3; i++) expect((await upload(server.url, board.id, PNG_8x6, ada.token)).status).toBe(201);
    const refused = await upload(server.url, board.id, PNG_8x6, ada.token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await upload(server.url, board.id, PNG_8x6, board.facilitatorKey)).status).toBe(201);
  });
});

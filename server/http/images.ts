/**
 * Pictures on a board: `POST /api/boards/:id/images` (raw bytes, a participant's or the
 * facilitator's token) and `GET /api/boards/:id/images/:hash` (the bytes, content-addressed).
 *
 * Upload, in order: board (404), token (401), role (403: projectors only watch), rate limits (429),
 * declared or streamed size (413, answered as soon as the limit is passed, nothing kept), then the
 * picture checks of server/blobs/inspectImage.ts (415 / 400 / 422). Only then the bytes are hashed,
 * written (once per content) and linked to the board.
 *
 * Download needs no token: an <img>, a CSS background or an export can fetch it, browsers and
 * proxies may cache it for a year (the bytes under a hash never change). The capability is the
 * pair (board id, hash): board ids are 128-bit secrets that already let anyone join the board, and
 * a picture is served only on the boards it was uploaded to. It is served with its sniffed type,
 * `nosniff` and a CSP that forbids everything, so even a picture a browser misreads runs nothing.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ImageUploadResponse } from '../../src/protocol/api';
import { inspectImage, type PixelLimits } from '../blobs/inspectImage';
import { isBlobHash, type FileBlobStore } from '../blobs/FileBlobStore';
import type { Identity } from '../auth/AuthService';
import type { FailureLimiter } from '../net/rateLimit';
import type { ImageIndex } from '../persistence/sqlite/SqliteImageIndex';
import { HttpError, sendJson } from './json';

export interface ImageDeps {
  blobs: FileBlobStore;
  index: ImageIndex;
  /** Upload body limit in bytes (413 above). */
  maxBytes: number;
  pixels: PixelLimits;
  /** Upload bodies held in memory at once, server-wide (503 above): the count and the cap. */
  uploads: { active: number; max: number };
  /** Uploads per participant and per remote address in a sliding window. */
  perParticipant: FailureLimiter;
  perAddress: FailureLimiter;
}

function tooMany(decision: { allowed: boolean; retryAfterMs: number }): void {
  if (decision.allowed) return;
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  throw new HttpError(429, `Too many pictures at once. Try again in ${seconds} seconds.`, { 'Retry-After': String(seconds) });
}

/** The body, or a 413 as soon as it is known to be too large (declared, or streamed past the limit). */
function readLimitedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `This picture is too big. Pictures can be at most ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      reject(new HttpError(400, 'The picture could not be read. Try again.'));
    });
  });
}

/**
 * After an early 413 the client may still be sending: stop reading and close the connection once
 * the answer is out, instead of draining megabytes we will throw away.
 */
export function closeAfterResponse(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (!req.complete) setTimeout(() => req.socket.destroy(), 50).unref();
  });
}

export async function uploadImage(req: IncomingMessage, res: ServerResponse, deps: ImageDeps, identity: Identity, address: string): Promise<void> {
  if (identity.role === 'projector') throw new HttpError(403, 'A projector cannot add pictures.');
  tooMany(deps.perParticipant.check(`${identity.boardId}/${identity.participantId}`));
  tooMany(deps.perAddress.check(address));
  if (deps.uploads.active >= deps.uploads.max) throw new HttpError(503, 'The server is busy with other pictures. Try again in a moment.', { 'Retry-After': '2' });
  deps.perParticipant.fail(`${identity.boardId}/${identity.participantId}`);
  deps.perAddress.fail(address);
  deps.uploads.active++;
  try {
    let bytes: Buffer;
    try {
      bytes = await readLimitedBody(req, deps.maxBytes);
    } catch (error) {
      if (error instanceof HttpError && error.status === 413) closeAfterResponse(req, res);
      throw error;
    }
    if (bytes.length === 0) throw new HttpError(400, 'Send the picture as the request body.');
    const verdict = inspectImage(bytes, deps.pixels);
    if (!verdict.ok) throw new HttpError(verdict.status, verdict.message);
    const hash = createHash('sha256').update(bytes).digest('hex');
    await deps.blobs.put(hash, bytes);
    const record = { hash, mime: verdict.mime, width: verdict.width, height: verdict.height, size: bytes.length };
    deps.index.add(identity.boardId, record, Date.now());
    const body: ImageUploadResponse = record;
    sendJson(res, 201, body);
  } finally {
    // Counted until the bytes are stored: they are held in memory until then.
    deps.uploads.active--;
  }
}

export async function serveImage(req: IncomingMessage, res: ServerResponse, deps: ImageDeps, boardId: string, hash: string): Promise<void> {
  const record = isBlobHash(hash) ? deps.index.get(boardId, hash) : null;
  const size = record ? await deps.blobs.size(hash) : null;
  if (!record || size === null) throw new HttpError(404, 'This picture is not on this board.');
  const headers = {
    'Content-Type': record.mime,
    'Content-Length': String(size),
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: `"${hash}"`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Disposition': 'inline',
  };
  if (req.headers['if-none-match'] === `"${hash}"`) {
    res.writeHead(304, { ETag: headers.ETag, 'Cache-Control': headers['Cache-Control'] }).end();
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = deps.blobs.read(hash);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

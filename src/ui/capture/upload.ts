/**
 * Sends a prepared picture to the board's blob store (`POST /api/boards/:id/images`, raw bytes,
 * the person's board token) and turns every refusal into plain words.
 */
import { imageUploadPath, type ImageUploadResponse } from '../../protocol/api';

export class UploadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

const MESSAGES: Record<number, string> = {
  0: 'Could not reach the Sketchroom server. Check your connection and try again.',
  401: 'Your place in this workshop has expired. Reload the page and join again.',
  403: 'Only people drawing on this board can add pictures.',
  413: 'This picture is too big to send. Try a smaller picture.',
  415: 'This file is not a picture Sketchroom can show. Use a photo (JPEG), a PNG or a WebP picture.',
  422: 'This picture has too many pixels. Use a smaller picture.',
  429: 'Too many pictures at once. Wait a minute and try again.',
  503: 'The server is busy with other pictures. Try again in a moment.',
};

export async function uploadPicture(boardId: string, token: string, picture: Blob): Promise<ImageUploadResponse> {
  let res: Response;
  try {
    res = await fetch(imageUploadPath(boardId), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': picture.type || 'application/octet-stream' },
      body: picture,
    });
  } catch {
    throw new UploadError(MESSAGES[0]!, 0);
  }
  const data = (await res.json().catch(() => null)) as (ImageUploadResponse & { error?: unknown }) | null;
  if (res.status === 201 && data && typeof data.hash === 'string') return data;
  // The server's words are written for people; keep our own for the common cases anyway.
  const fromServer = data && typeof data.error === 'string' ? data.error : null;
  const message = res.status === 429 || res.status === 503 ? (fromServer ?? MESSAGES[res.status]!) : (MESSAGES[res.status] ?? fromServer ?? 'The server could not take this picture. Try again.');
  throw new UploadError(message, res.status);
}

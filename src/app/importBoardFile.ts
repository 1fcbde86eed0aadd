/**
 * Opens a board file as a NEW board: check the whole file first (a broken file is refused before
 * anything is created), then create the board, upload its pictures, write its content as the
 * facilitator (authors, ids and order kept) and read it back until the server holds all of it.
 */
import { contentOf, parseBoardFile, type ParsedBoard } from '../export/boardFile';
import { planWrites, writeBoard as writeLocal } from '../export/boardWrite';
import { Slicer } from '../export/slicer';
import * as Y from 'yjs';
import { writeBoard } from '../sync/writeBoard';
import { imageUploadPath, type ImageUploadResponse } from '../protocol/api';
import { api, ApiError } from './api';
import { saveIdentity } from './identity';

/** Uploads a picture to the new board's blob store (the server names it by its SHA-256). */
export async function uploadBlob(boardId: string, token: string, bytes: Uint8Array, mime: string, hash: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(imageUploadPath(boardId), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': mime }, body: bytes as Uint8Array<ArrayBuffer> });
  } catch {
    throw new ApiError('Could not reach the Sketchroom server. Check your connection and try again.', 0);
  }
  if (!res.ok) throw new ApiError('A picture could not be uploaded. Please try again.', res.status);
  // The server names a picture by the SHA-256 of what it stored: it must be the name the items use.
  const stored = (await res.json().catch(() => null)) as ImageUploadResponse | null;
  if (stored?.hash !== hash) throw new ApiError('The server stored a picture differently. The board was not opened.', res.status);
}

/** The content the new board must end up with, for the read-back check. */
function expectedContent(parsed: ParsedBoard): string {
  const doc = new Y.Doc();
  try {
    writeLocal(doc, parsed);
    return contentOf(doc);
  } finally {
    doc.destroy();
  }
}

export async function importBoardFile(file: File, onProgress: (fraction: number, step: string) => void = () => {}): Promise<string> {
  onProgress(0, 'Checking the file');
  const parsed = await parseBoardFile(await file.text(), new Slicer());
  const want = expectedContent(parsed);
  onProgress(0.1, 'Creating the board');
  const made = await api.createBoard(parsed.meta.title, parsed.meta.prompt);
  saveIdentity(made.id, { token: made.facilitatorKey, role: 'facilitator', participantId: made.participantId, name: made.name, color: made.color });
  let done = 0;
  for (const [hash, blob] of parsed.blobs) {
    await uploadBlob(made.id, made.facilitatorKey, blob.bytes, blob.mime, hash);
    onProgress(0.1 + (0.3 * ++done) / parsed.blobs.size, 'Uploading pictures');
  }
  await writeBoard({
    boardId: made.id,
    token: made.facilitatorKey,
    writes: planWrites(parsed),
    complete: (doc) => contentOf(doc) === want,
    onProgress: (f) => onProgress(0.4 + 0.6 * f, 'Writing the board'),
  });
  return made.id;
}

/**
 * The JSON API between the SPA and the server (docs/api.md): request and response bodies, shared
 * so that both sides compile against the same shapes. Types and a few pure helpers only.
 */
import type { Role } from './roles';

/** Every error response: `{"error": "plain words"}` (400, 401, 403, 404, 405, 413, 429). */
export interface ApiError {
  error: string;
}

/** Limits on plain-text fields (trimmed, control characters removed, then length-checked). */
export const TEXT_LIMITS = {
  name: 40,
  title: 120,
  prompt: 500,
} as const;

// ---- Join codes -----------------------------------------------------------------------------

/** No 0/O and no 1/I/L: codes are read off a projector and typed on a laptop. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** What the server compares: upper case, spaces and dashes removed ("ab3-k7q" -> "AB3K7Q"). */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** Whether a (normalised) code could be a join code at all. */
export function looksLikeJoinCode(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** Shown when a code does not match (404 of POST /api/join by code). */
export const WRONG_JOIN_CODE_MESSAGE = 'That code does not match an open workshop. Check the code on the screen.';

/** Close reason of a connection whose participant the facilitator removed (code 4401). */
export const REVOKED_REASON = 'You were removed from this workshop by the facilitator.';

// ---- Links ----------------------------------------------------------------------------------

/** Secrets travel only in URL fragments: `/b/<id>#key=<secret>`. */
export function boardKeyUrl(boardId: string, key: string): string {
  return `/b/${boardId}#key=${key}`;
}

export function joinCodeUrl(code: string): string {
  return `/join?code=${code}`;
}

// ---- Requests and responses -----------------------------------------------------------------

/** POST /api/boards */
export interface CreateBoardRequest {
  title: string;
  prompt?: string;
}

/** 201 of POST /api/boards. The keys are secrets: only the facilitator's screen sees them. */
export interface CreateBoardResponse {
  id: string;
  title: string;
  /** `/b/<id>` */
  url: string;
  /** The facilitator's token. */
  facilitatorKey: string;
  participantId: string;
  name: string;
  color: string;
  joinCode: string;
  /** Read-only token (role projector). */
  projectorKey: string;
  /** `/join?code=<joinCode>` */
  joinUrl: string;
  /** `/b/<id>#key=<projectorKey>` */
  projectorUrl: string;
  /** `/b/<id>#key=<facilitatorKey>` */
  facilitatorUrl: string;
}

/** 200 of GET /api/boards/:id (public). */
export interface BoardInfoResponse {
  id: string;
  title: string;
}

/** POST /api/join: by join code or by board link. */
export type JoinRequest = { code: string; name: string } | { boardId: string; name: string };

/** 201 of POST /api/join. */
export interface JoinResponse {
  boardId: string;
  participantId: string;
  token: string;
  name: string;
  color: string;
}

/** 200 of GET /api/boards/:id/me and PATCH /api/boards/:id/me. */
export interface MeResponse {
  role: Role;
  participantId: string;
  name: string;
  color: string;
}

/** PATCH /api/boards/:id/me (rename self). */
export interface RenameRequest {
  name: string;
}

/** 200 of GET /api/boards/:id/invite (facilitator). */
export interface InviteResponse {
  joinCode: string;
  joinUrl: string;
  projectorUrl: string;
  facilitatorUrl: string;
  /** The server's LAN IPv4 origins, e.g. "http://192.168.1.23:8080" (may be empty). */
  lanOrigins: string[];
}

/**
 * 200 of GET /api/boards/:id/join-code (projector and facilitator): the code to show to the room,
 * read-only. `lanOrigins` as in the invite, for the QR code of a projector opened as localhost.
 */
export interface JoinCodeResponse {
  joinCode: string;
  joinUrl: string;
  lanOrigins: string[];
}

/** 200 of POST /api/boards/:id/join-code (facilitator; the old code stops working). */
export interface RenewJoinCodeResponse {
  joinCode: string;
  joinUrl: string;
}

export interface ParticipantSummary {
  participantId: string;
  name: string;
  color: string;
  role: Role;
  revoked: boolean;
}

/** 200 of GET /api/boards/:id/participants (facilitator). */
export interface ParticipantsResponse {
  participants: ParticipantSummary[];
}

// POST /api/boards/:id/participants/:participantId/revoke (facilitator) -> 204, no body.

/**
 * 201 of POST /api/boards/:id/images (participant, facilitator; raw picture bytes as the body):
 * the picture as stored. `hash` is the SHA-256 of the bytes (64 lowercase hex), its name in
 * `GET /api/boards/:id/images/:hash`; `mime` is sniffed from the bytes; width and height in pixels.
 */
export interface ImageUploadResponse {
  hash: string;
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  size: number;
}

/** Where pictures are uploaded (POST, raw bytes, a participant's or the facilitator's token). */
export function imageUploadPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/images`;
}

/** Path of a picture's bytes on the server (no token needed: the board id and hash are the key). */
export function imagePath(boardId: string, hash: string): string {
  return `${imageUploadPath(boardId)}/${encodeURIComponent(hash)}`;
}

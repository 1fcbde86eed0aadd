/**
 * The JSON API of the contract (/api/..., types in src/protocol/api.ts). Validation happens here,
 * at the edge: names, titles and prompts are plain text (src/protocol/text.ts). Errors are
 * {"error": "plain words"} with 400/401/403/404/405/413/429. Tokens are only ever in responses,
 * never logged. Facilitator endpoints check, in order: board exists (404), token (401), role (403).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  boardKeyUrl, joinCodeUrl, REVOKED_REASON, TEXT_LIMITS, WRONG_JOIN_CODE_MESSAGE,
  type CreateBoardResponse, type InviteResponse, type JoinCodeResponse, type JoinResponse, type MeResponse, type ParticipantsResponse,
  type RenewJoinCodeResponse,
} from '../../src/protocol/api';
import { CloseCode } from '../../src/protocol/closeCodes';
import { isBoardId } from '../../src/protocol/ids';
import type { AuthService, Identity } from '../auth/AuthService';
import type { BoardService } from '../boards/BoardService';
import type { FailureLimiter } from '../net/rateLimit';
import { serveImage, uploadImage, type ImageDeps } from './images';
import { asObject, HttpError, readJsonBody, sendJson, stringField } from './json';

export interface ApiDeps {
  boards: BoardService;
  auth: AuthService;
  maxBodyBytes: number;
  /** Closes a participant's open connections (revocation). */
  disconnect(boardId: string, participantId: string, code: number, reason: string): void;
  /** A participant changed their name (their easel's label follows). */
  renamed?(boardId: string, participantId: string, name: string): void;
  /** Wrong join codes per remote address. */
  joinLimiter: FailureLimiter;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy: boolean;
  /** The server's LAN IPv4 origins (Invite panel). */
  lanOrigins(): string[];
  /** Picture upload and download (server/http/images.ts). */
  images: ImageDeps;
}

const PARTICIPANT_ID = /^[A-Za-z0-9_-]{10}$/;

function allow(req: IncomingMessage, ...methods: string[]): void {
  if (!methods.includes(req.method ?? '')) throw new HttpError(405, `Use ${methods.join(' or ')} here.`);
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * The address rate limits key on: the socket's peer, or (TRUST_PROXY) the last X-Forwarded-For
 * entry, which is the one our own proxy appended; earlier entries are whatever the client sent.
 */
export function remoteAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    const last = value?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function existingBoard(deps: ApiDeps, id: string): string {
  if (!isBoardId(id) || !deps.boards.get(id)) throw new HttpError(404, 'This board does not exist.');
  return id;
}

function identify(req: IncomingMessage, deps: ApiDeps, boardId: string): Identity {
  const identity = deps.auth.authenticate(boardId, bearer(req));
  if (!identity) throw new HttpError(401, 'Missing or invalid token for this board.');
  return identity;
}

/** The facilitator behind the request's token, and the token itself (for the facilitator link). */
function facilitator(req: IncomingMessage, deps: ApiDeps, boardId: string): { identity: Identity; token: string } {
  const identity = identify(req, deps, boardId);
  if (identity.role !== 'facilitator') throw new HttpError(403, 'Only the facilitator can do this.');
  return { identity, token: bearer(req) ?? '' };
}

function me(identity: Identity): MeResponse {
  return { role: identity.role, participantId: identity.participantId, name: identity.name, color: identity.color };
}

function joinResponse(joined: { boardId: string; participantId: string; token: string; name: string; color: string }): JoinResponse {
  return { boardId: joined.boardId, participantId: joined.participantId, token: joined.token, name: joined.name, color: joined.color };
}

function nameField(body: Record<string, unknown>): string {
  return stringField(body, 'name', 1, TEXT_LIMITS.name);
}

async function join(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const body = asObject(await readJsonBody(req, deps.maxBodyBytes));
  const hasCode = body.code !== undefined;
  const hasBoard = body.boardId !== undefined;
  if (hasCode === hasBoard) throw new HttpError(400, 'Send either "code" or "boardId", with "name".');
  if (hasBoard) {
    if (!isBoardId(body.boardId)) throw new HttpError(400, '"boardId" must be a board id.');
    const name = nameField(body);
    const joined = deps.boards.join(body.boardId, name);
    if (!joined) throw new HttpError(404, 'This board does not exist.');
    return sendJson(res, 201, joinResponse(joined));
  }
  if (typeof body.code !== 'string' || body.code.length > 64) throw new HttpError(400, '"code" must be the code on the screen.');
  const name = nameField(body);
  const address = remoteAddress(req, deps.trustProxy);
  // Over the limit, every attempt is refused (right or wrong), so guessing cannot continue.
  const decision = deps.joinLimiter.check(address);
  if (!decision.allowed) {
    const seconds = Math.ceil(decision.retryAfterMs / 1000);
    throw new HttpError(429, `Too many wrong codes. Try again in ${seconds} seconds.`, { 'Retry-After': String(seconds) });
  }
  const boardId = deps.boards.findByJoinCode(body.code);
  if (!boardId) {
    deps.joinLimiter.fail(address);
    throw new HttpError(404, WRONG_JOIN_CODE_MESSAGE);
  }
  const joined = deps.boards.join(boardId, name);
  if (!joined) throw new HttpError(404, WRONG_JOIN_CODE_MESSAGE);
  return sendJson(res, 201, joinResponse(joined));
}

type BoardRoute = (req: IncomingMessage, res: ServerResponse, deps: ApiDeps, boardId: string, rest: string[]) => Promise<void> | void;

/** [path after /api/boards/:id, handler, whether an unknown board is a 404 before anything else]. */
const boardRoutes: Array<[RegExp, BoardRoute, boolean?]> = [
  [/^$/, (req, res, deps, boardId) => {
    allow(req, 'GET');
    const record = deps.boards.get(boardId)!;
    return sendJson(res, 200, { id: record.id, title: record.title });
  }],
  [/^\/me$/, async (req, res, deps, boardId) => {
    allow(req, 'GET', 'PATCH');
    const identity = identify(req, deps, boardId);
    if (req.method === 'GET') return sendJson(res, 200, me(identity));
    if (identity.role === 'projector') throw new HttpError(403, 'A projector has no name to change.');
    const name = nameField(asObject(await readJsonBody(req, deps.maxBodyBytes)));
    deps.auth.rename(boardId, identity.participantId, name);
    deps.renamed?.(boardId, identity.participantId, name);
    return sendJson(res, 200, me({ ...identity, name }));
    // Unknown board: 401 like any token that does not identify (the contract of GET /me).
  }, false],
  [/^\/invite$/, (req, res, deps, boardId) => {
    allow(req, 'GET');
    const { token } = facilitator(req, deps, boardId);
    const joinCode = deps.boards.joinCode(boardId);
    const body: InviteResponse = {
      joinCode,
      joinUrl: joinCodeUrl(joinCode),
      projectorUrl: boardKeyUrl(boardId, deps.boards.projectorKey(boardId)),
      facilitatorUrl: boardKeyUrl(boardId, token),
      lanOrigins: deps.lanOrigins(),
    };
    return sendJson(res, 200, body);
  }],
  [/^\/join-code$/, (req, res, deps, boardId) => {
    allow(req, 'GET', 'POST');
    if (req.method === 'GET') {
      // Read-only, for the screens that show the code to the room: the projector and the facilitator.
      const identity = identify(req, deps, boardId);
      if (identity.role === 'participant') throw new HttpError(403, 'Only the facilitator and the projector can read the join code.');
      const joinCode = deps.boards.joinCode(boardId);
      const body: JoinCodeResponse = { joinCode, joinUrl: joinCodeUrl(joinCode), lanOrigins: deps.lanOrigins() };
      return sendJson(res, 200, body);
    }
    facilitator(req, deps, boardId);
    const joinCode = deps.boards.renewJoinCode(boardId);
    const body: RenewJoinCodeResponse = { joinCode, joinUrl: joinCodeUrl(joinCode) };
    return sendJson(res, 200, body);
  }],
  [/^\/participants$/, (req, res, deps, boardId) => {
    allow(req, 'GET');
    facilitator(req, deps, boardId);
    const body: ParticipantsResponse = {
      participants: deps.auth.participants(boardId).map((p) => ({
        participantId: p.participantId,
        name: p.name,
        color: p.color,
        role: p.role,
        revoked: p.revoked,
      })),
    };
    return sendJson(res, 200, body);
  }],
  [/^\/images$/, (req, res, deps, boardId) => {
    allow(req, 'POST');
    return uploadImage(req, res, deps.images, identify(req, deps, boardId), remoteAddress(req, deps.trustProxy));
  }],
  [/^\/images\/([^/]+)$/, (req, res, deps, boardId, [hash = '']) => {
    allow(req, 'GET', 'HEAD');
    return serveImage(req, res, deps.images, boardId, hash);
  }],
  [/^\/participants\/([^/]+)\/revoke$/, (req, res, deps, boardId, [participantId = '']) => {
    allow(req, 'POST');
    const { identity } = facilitator(req, deps, boardId);
    const target = PARTICIPANT_ID.test(participantId) ? deps.auth.participant(boardId, participantId) : null;
    if (!target) throw new HttpError(404, 'No such participant on this board.');
    if (target.role === 'facilitator' || target.participantId === identity.participantId) {
      throw new HttpError(400, 'The facilitator cannot be removed.');
    }
    deps.auth.revoke(boardId, participantId);
    // Also when already revoked: a connection that slipped in during the revoke is closed too.
    deps.disconnect(boardId, participantId, CloseCode.Unauthorized, REVOKED_REASON);
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }],
];

async function route(req: IncomingMessage, res: ServerResponse, path: string, deps: ApiDeps): Promise<void> {
  if (path === '/api/health') {
    allow(req, 'GET', 'HEAD');
    return sendJson(res, 200, { ok: true });
  }
  if (path === '/api/time') {
    // The server's clock, for the shared timer (clients estimate their offset NTP-style).
    allow(req, 'GET');
    return sendJson(res, 200, { now: Date.now() });
  }
  if (path === '/api/boards') {
    allow(req, 'POST');
    const body = asObject(await readJsonBody(req, deps.maxBodyBytes));
    const title = stringField(body, 'title', 1, TEXT_LIMITS.title);
    const prompt = stringField(body, 'prompt', 0, TEXT_LIMITS.prompt, true, true);
    const { board, facilitator: fac, joinCode, projectorKey } = deps.boards.create(title, prompt);
    const created: CreateBoardResponse = {
      id: board.id,
      title: board.title,
      url: `/b/${board.id}`,
      facilitatorKey: fac.token,
      participantId: fac.participantId,
      name: fac.name,
      color: fac.color,
      joinCode,
      projectorKey,
      joinUrl: joinCodeUrl(joinCode),
      projectorUrl: boardKeyUrl(board.id, projectorKey),
      facilitatorUrl: boardKeyUrl(board.id, fac.token),
    };
    return sendJson(res, 201, created);
  }
  if (path === '/api/join') {
    allow(req, 'POST');
    return join(req, res, deps);
  }
  const match = /^\/api\/boards\/([^/]+)(\/.*)?$/.exec(path);
  if (match) {
    const rest = match[2] ?? '';
    for (const [pattern, handler, boardFirst = true] of boardRoutes) {
      const m = pattern.exec(rest);
      if (!m) continue;
      const id = match[1] ?? '';
      const boardId = boardFirst ? existingBoard(deps, id) : id;
      if (!isBoardId(boardId)) throw new HttpError(401, 'Missing or invalid token for this board.');
      return handler(req, res, deps, boardId, m.slice(1));
    }
  }
  throw new HttpError(404, 'No such API endpoint.');
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, deps: ApiDeps): Promise<void> {
  try {
    await route(req, res, path, deps);
  } catch (error) {
    if (res.headersSent) return;
    if (error instanceof HttpError) {
      const headers = { ...error.headers, ...(error.status === 413 ? { Connection: 'close' } : {}) };
      sendJson(res, error.status, { error: error.message }, headers);
    } else {
      console.error(`sketchroom: API error on ${req.method} ${path}: ${String(error)}`);
      sendJson(res, 500, { error: 'Something went wrong on the server.' });
    }
  }
}

/**
 * The JSON API of the contract (/api/...). Validation happens here, at the edge; errors are
 * {"error": "plain words"} with 400/401/404/405/413. Tokens are only ever in responses, never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId } from '../../src/protocol/ids';
import { LIMITS } from '../../src/model/schema';
import type { AuthService } from '../auth/AuthService';
import type { BoardService } from '../boards/BoardService';
import { asObject, HttpError, readJsonBody, sendJson, stringField } from './json';

export interface ApiDeps {
  boards: BoardService;
  auth: AuthService;
  maxBodyBytes: number;
}

const NAME_MAX = 40;

function allow(req: IncomingMessage, ...methods: string[]): void {
  if (!methods.includes(req.method ?? '')) throw new HttpError(405, `Use ${methods.join(' or ')} here.`);
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

async function route(req: IncomingMessage, res: ServerResponse, path: string, deps: ApiDeps): Promise<void> {
  if (path === '/api/health') {
    allow(req, 'GET', 'HEAD');
    return sendJson(res, 200, { ok: true });
  }
  if (path === '/api/boards') {
    allow(req, 'POST');
    const body = asObject(await readJsonBody(req, deps.maxBodyBytes));
    const title = stringField(body, 'title', 1, LIMITS.titleLength);
    const prompt = stringField(body, 'prompt', 0, LIMITS.promptLength, true);
    const { board, facilitator } = deps.boards.create(title, prompt);
    return sendJson(res, 201, {
      id: board.id,
      title: board.title,
      url: `/b/${board.id}`,
      facilitatorKey: facilitator.token,
      participantId: facilitator.participantId,
      name: facilitator.name,
      color: facilitator.color,
    });
  }
  if (path === '/api/join') {
    allow(req, 'POST');
    const body = asObject(await readJsonBody(req, deps.maxBodyBytes));
    if (!isBoardId(body.boardId)) throw new HttpError(400, '"boardId" must be a board id.');
    const name = stringField(body, 'name', 1, NAME_MAX);
    const joined = deps.boards.join(body.boardId, name);
    if (!joined) throw new HttpError(404, 'This board does not exist.');
    return sendJson(res, 201, {
      boardId: joined.boardId,
      participantId: joined.participantId,
      token: joined.token,
      name: joined.name,
      color: joined.color,
    });
  }
  const me = /^\/api\/boards\/([^/]+)\/me$/.exec(path);
  if (me) {
    allow(req, 'GET');
    const id = me[1] ?? '';
    const identity = isBoardId(id) ? deps.auth.authenticate(id, bearer(req)) : null;
    if (!identity) throw new HttpError(401, 'Missing or invalid token for this board.');
    return sendJson(res, 200, {
      role: identity.role,
      participantId: identity.participantId,
      name: identity.name,
      color: identity.color,
    });
  }
  const board = /^\/api\/boards\/([^/]+)$/.exec(path);
  if (board) {
    allow(req, 'GET');
    const id = board[1] ?? '';
    const record = isBoardId(id) ? deps.boards.get(id) : null;
    if (!record) throw new HttpError(404, 'This board does not exist.');
    return sendJson(res, 200, { id: record.id, title: record.title });
  }
  throw new HttpError(404, 'No such API endpoint.');
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, deps: ApiDeps): Promise<void> {
  try {
    await route(req, res, path, deps);
  } catch (error) {
    if (res.headersSent) return;
    if (error instanceof HttpError) {
      sendJson(res, error.status, { error: error.message }, error.status === 413 ? { Connection: 'close' } : {});
    } else {
      console.error(`sketchroom: API error on ${req.method} ${path}: ${String(error)}`);
      sendJson(res, 500, { error: 'Something went wrong on the server.' });
    }
  }
}

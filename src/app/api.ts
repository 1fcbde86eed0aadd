/**
 * The HTTP API (docs/api.md; shapes in src/protocol/api.ts). Errors come back as plain words for people.
 */
import type {
  BoardInfoResponse,
  CreateBoardResponse,
  InviteResponse,
  JoinResponse,
  MeResponse,
  RenewJoinCodeResponse,
  JoinCodeResponse,
  ParticipantsResponse,
} from '../protocol/api';

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export type CreatedBoard = CreateBoardResponse;
export type JoinedBoard = JoinResponse;
export type PublicBoard = BoardInfoResponse;
export type Me = MeResponse;
export type Invite = InviteResponse;
export type JoinCode = RenewJoinCodeResponse;

const OFFLINE = 'Could not reach the Sketchroom server. Check your connection and try again.';
export const TOO_MANY_TRIES = 'Too many tries. Wait a minute and try again.';

async function request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(OFFLINE, 0);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as (T & { error?: unknown }) | null;
  if (!res.ok || data === null) {
    const message =
      res.status === 429
        ? TOO_MANY_TRIES
        : data && typeof data.error === 'string'
          ? data.error
          : res.status >= 500
            ? 'The server had a problem. Please try again.'
            : OFFLINE;
    throw new ApiError(message, res.status);
  }
  return data;
}

const board = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

export const api = {
  createBoard: (title: string, prompt: string) =>
    request<CreatedBoard>('POST', '/api/boards', prompt ? { title, prompt } : { title }),
  join: (boardId: string, name: string) => request<JoinedBoard>('POST', '/api/join', { boardId, name }),
  joinByCode: (code: string, name: string) => request<JoinedBoard>('POST', '/api/join', { code, name }),
  me: (boardId: string, token: string) => request<Me>('GET', `${board(boardId)}/me`, undefined, token),
  rename: (boardId: string, token: string, name: string) => request<Me>('PATCH', `${board(boardId)}/me`, { name }, token),
  invite: (boardId: string, token: string) => request<Invite>('GET', `${board(boardId)}/invite`, undefined, token),
  /** The join code for the projector's header (projector and facilitator tokens). */
  joinCode: (boardId: string, token: string) => request<JoinCodeResponse>('GET', `${board(boardId)}/join-code`, undefined, token),
  newJoinCode: (boardId: string, token: string) => request<JoinCode>('POST', `${board(boardId)}/join-code`, {}, token),
  revoke: (boardId: string, token: string, participantId: string) =>
    request<void>('POST', `${board(boardId)}/participants/${encodeURIComponent(participantId)}/revoke`, {}, token),
  participants: (boardId: string, token: string) => request<ParticipantsResponse>('GET', `${board(boardId)}/participants`, undefined, token),
  /** null when the board does not exist. */
  getBoard: async (id: string): Promise<PublicBoard | null> => {
    try {
      return await request<PublicBoard>('GET', board(id));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  },
};

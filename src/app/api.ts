/** The HTTP API (contract: /api/boards, /api/join). Errors come back as plain words for people. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export interface CreatedBoard {
  id: string;
  title: string;
  url: string;
  facilitatorKey: string;
  participantId: string;
  name: string;
  color: string;
}

export interface JoinedBoard {
  boardId: string;
  participantId: string;
  token: string;
  name: string;
  color: string;
}

export interface PublicBoard {
  id: string;
  title: string;
}

const OFFLINE = 'Could not reach the Sketchroom server. Check your connection and try again.';

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(OFFLINE, 0);
  }
  const data = (await res.json().catch(() => null)) as (T & { error?: unknown }) | null;
  if (!res.ok || data === null) {
    const message = data && typeof data.error === 'string' ? data.error : res.status >= 500 ? 'The server had a problem. Please try again.' : OFFLINE;
    throw new ApiError(message, res.status);
  }
  return data;
}

export const api = {
  createBoard: (title: string, prompt: string) =>
    request<CreatedBoard>('POST', '/api/boards', prompt ? { title, prompt } : { title }),
  join: (boardId: string, name: string) => request<JoinedBoard>('POST', '/api/join', { boardId, name }),
  /** null when the board does not exist. */
  getBoard: async (id: string): Promise<PublicBoard | null> => {
    try {
      return await request<PublicBoard>('GET', `/api/boards/${encodeURIComponent(id)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  },
};

/** The HTTP API, as a client uses it (contract: POST /api/boards, POST /api/join). */
export interface CreatedBoard {
  id: string;
  facilitatorKey: string;
  participantId: string;
}

export interface Joined {
  token: string;
  participantId: string;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url} -> ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function createBoard(base: string, title: string): Promise<CreatedBoard> {
  return post<CreatedBoard>(`${base}/api/boards`, { title });
}

export function joinBoard(base: string, boardId: string, name: string): Promise<Joined> {
  return post<Joined>(`${base}/api/join`, { boardId, name });
}

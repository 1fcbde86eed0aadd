/** Sessions & roles over HTTP: join codes, invite, rename, participants, revoke, wrong-code limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, REVOKED_REASON, WRONG_JOIN_CODE_MESSAGE, type MeResponse } from '../../src/protocol/api';
import type { RunningServer } from '../index';
import { api, connect, createBoard, joinBoard, raw, startTestServer, synced, type CreatedBoard } from '../testing/helpers';

const CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);

async function joinByCode(base: string, code: string, name = 'Ada', headers: Record<string, string> = {}) {
  return api(base, 'POST', '/api/join', { body: { code, name }, headers });
}

describe('sessions API', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  beforeAll(async () => {
    server = await startTestServer({ limits: { maxWrongJoinCodesPerMinute: 1000 } });
    board = await createBoard(server.url, 'Workshop');
  });
  afterAll(async () => {
    await server.close();
  });

  it('POST /api/boards returns the join code, projector key and the three links', async () => {
    expect(board.joinCode).toMatch(CODE);
    expect(board.joinUrl).toBe(`/join?code=${board.joinCode}`);
    expect(board.projectorUrl).toBe(`/b/${board.id}#key=${board.projectorKey}`);
    expect(board.facilitatorUrl).toBe(`/b/${board.id}#key=${board.facilitatorKey}`);
    expect(board.projectorKey).not.toBe(board.facilitatorKey);
    const me = await api(server.url, 'GET', `/api/boards/${board.id}/me`, { token: board.projectorKey });
    expect(me.json).toMatchObject({ role: 'projector' });
    // Codes differ between boards.
    const other = await createBoard(server.url);
    expect(other.joinCode).not.toBe(board.joinCode);
  });

  it('joins by code, ignoring case, spaces and dashes; names are plain text', async () => {
    const typed = `${board.joinCode.slice(0, 3).toLowerCase()} - ${board.joinCode.slice(3)} `;
    const res = await joinByCode(server.url, typed, '  Ada\u0007 \u202Eevil\n ');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ boardId: board.id, name: 'Ada evil' });
    expect(typeof res.json?.token).toBe('string');
    const me = await api(server.url, 'GET', `/api/boards/${board.id}/me`, { token: res.json?.token as string });
    expect(me.json).toMatchObject({ role: 'participant', name: 'Ada evil' });
    // Still by board link.
    expect((await api(server.url, 'POST', '/api/join', { body: { boardId: board.id, name: 'Bo' } })).status).toBe(201);
  });

  it('join errors: wrong code 404 with the contract words, bad bodies 400', async () => {
    const wrong = await joinByCode(server.url, 'ZZZZZZ');
    expect(wrong.status).toBe(404);
    expect(wrong.json).toEqual({ error: WRONG_JOIN_CODE_MESSAGE });
    expect((await joinByCode(server.url, 'nonsense-code')).status).toBe(404);
    const bad: unknown[] = [
      { code: board.joinCode, boardId: board.id, name: 'x' },
      { code: 123456, name: 'x' },
      { code: board.joinCode },
      { code: board.joinCode, name: '  \u0000 ' },
      { code: board.joinCode, name: 'x'.repeat(41) },
      { name: 'x' },
    ];
    for (const body of bad) expect((await api(server.url, 'POST', '/api/join', { body })).status).toBe(400);
    // 40 emoji are 40 characters, not 80.
    expect((await joinByCode(server.url, board.joinCode, '🙂'.repeat(40))).status).toBe(201);
  });

  it('titles and prompts are plain text too', async () => {
    const res = await api(server.url, 'POST', '/api/boards', { body: { title: ' Retro\u0000\u202E\tQ3 ', prompt: 'Line 1\r\nLine 2\u0007' } });
    expect(res.status).toBe(201);
    expect(res.json?.title).toBe('Retro Q3');
    const read = await api(server.url, 'GET', `/api/boards/${res.json?.id as string}`);
    expect(read.json?.title).toBe('Retro Q3');
  });

  it('invite: facilitator only, with links, keys and LAN origins', async () => {
    const res = await api(server.url, 'GET', `/api/boards/${board.id}/invite`, { token: board.facilitatorKey });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      joinCode: board.joinCode,
      joinUrl: board.joinUrl,
      projectorUrl: board.projectorUrl,
      facilitatorUrl: board.facilitatorUrl,
    });
    const origins = res.json?.lanOrigins as string[];
    expect(Array.isArray(origins)).toBe(true);
    // The test server listens on 127.0.0.1 only, so no LAN origin reaches it.
    expect(origins).toEqual([]);
    const p = await joinBoard(server.url, board.id, 'Cy');
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/invite`, { token: p.token })).status).toBe(403);
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/invite`, { token: board.projectorKey })).status).toBe(403);
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/invite`)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/${board.id}/invite`, { token: 'A'.repeat(43) })).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/${'A'.repeat(22)}/invite`, { token: board.facilitatorKey })).status).toBe(404);
    expect((await api(server.url, 'POST', `/api/boards/${board.id}/invite`, { token: board.facilitatorKey })).status).toBe(405);
  });

  it('GET join-code: the projector and the facilitator read the code (read-only); participants may not', async () => {
    const b = await createBoard(server.url);
    const path = `/api/boards/${b.id}/join-code`;
    for (const token of [b.projectorKey, b.facilitatorKey]) {
      const res = await api(server.url, 'GET', path, { token });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ joinCode: b.joinCode, joinUrl: b.joinUrl, lanOrigins: [] });
    }
    const p = await joinBoard(server.url, b.id, 'Di');
    expect((await api(server.url, 'GET', path, { token: p.token })).status).toBe(403);
    expect((await api(server.url, 'GET', path)).status).toBe(401);
    // The projector may read, never renew.
    expect((await api(server.url, 'POST', path, { token: b.projectorKey })).status).toBe(403);
    expect((await api(server.url, 'PATCH', path, { token: b.facilitatorKey })).status).toBe(405);
    // After a renewal the projector reads the new code.
    const renewed = await api(server.url, 'POST', path, { token: b.facilitatorKey });
    expect((await api(server.url, 'GET', path, { token: b.projectorKey })).json?.joinCode).toBe(renewed.json?.joinCode);
  });

  it('renewing the code: the old one stops working at once, the new one works', async () => {
    const b = await createBoard(server.url);
    const p = await joinBoard(server.url, b.id);
    expect((await api(server.url, 'POST', `/api/boards/${b.id}/join-code`, { token: p.token })).status).toBe(403);
    expect((await api(server.url, 'POST', `/api/boards/${b.id}/join-code`)).status).toBe(401);
    expect((await api(server.url, 'POST', `/api/boards/${'A'.repeat(22)}/join-code`, { token: b.facilitatorKey })).status).toBe(404);
    const renewed = await api(server.url, 'POST', `/api/boards/${b.id}/join-code`, { token: b.facilitatorKey });
    expect(renewed.status).toBe(200);
    const code = renewed.json?.joinCode as string;
    expect(code).toMatch(CODE);
    expect(code).not.toBe(b.joinCode);
    expect(renewed.json?.joinUrl).toBe(`/join?code=${code}`);
    expect((await joinByCode(server.url, b.joinCode)).status).toBe(404);
    expect((await joinByCode(server.url, code)).json?.boardId).toBe(b.id);
    const invite = await api(server.url, 'GET', `/api/boards/${b.id}/invite`, { token: b.facilitatorKey });
    expect(invite.json?.joinCode).toBe(code);
  });

  it('PATCH /me renames self (plain text), for participants and the facilitator', async () => {
    const p = await joinBoard(server.url, board.id, 'Dee');
    const res = await api(server.url, 'PATCH', `/api/boards/${board.id}/me`, { token: p.token, body: { name: ' Dee\u0000 Dee ' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ role: 'participant', participantId: p.participantId, name: 'Dee Dee', color: p.color } satisfies MeResponse);
    const me = await api(server.url, 'GET', `/api/boards/${board.id}/me`, { token: p.token });
    expect(me.json?.name).toBe('Dee Dee');
    const fac = await api(server.url, 'PATCH', `/api/boards/${board.id}/me`, { token: board.facilitatorKey, body: { name: 'Host' } });
    expect(fac.json).toMatchObject({ role: 'facilitator', name: 'Host' });
    const cases: Array<[{ token?: string; body?: unknown }, number]> = [
      [{ token: p.token, body: { name: '' } }, 400],
      [{ token: p.token, body: { name: 'x'.repeat(41) } }, 400],
      [{ token: p.token, body: { nom: 'x' } }, 400],
      [{ token: p.token, body: '{nope' }, 400],
      [{ body: { name: 'x' } }, 401],
      [{ token: 'A'.repeat(43), body: { name: 'x' } }, 401],
      [{ token: board.projectorKey, body: { name: 'x' } }, 403],
    ];
    for (const [options, status] of cases) {
      expect((await api(server.url, 'PATCH', `/api/boards/${board.id}/me`, options)).status).toBe(status);
    }
    // GET /me of an unknown board stays 401 (any token that does not identify).
    expect((await api(server.url, 'GET', `/api/boards/${'A'.repeat(22)}/me`, { token: p.token })).status).toBe(401);
  });

  it('participants: facilitator only; names, colours, roles and revoked flags', async () => {
    const b = await createBoard(server.url);
    const p1 = await joinBoard(server.url, b.id, 'Eli');
    const p2 = await joinBoard(server.url, b.id, 'Fay');
    const res = await api(server.url, 'GET', `/api/boards/${b.id}/participants`, { token: b.facilitatorKey });
    expect(res.status).toBe(200);
    const list = res.json?.participants as Array<Record<string, unknown>>;
    expect(list.map((x) => [x.name, x.role, x.revoked])).toEqual([
      ['Facilitator', 'facilitator', false],
      ['Projector', 'projector', false],
      ['Eli', 'participant', false],
      ['Fay', 'participant', false],
    ]);
    expect(list[2]).toEqual({ participantId: p1.participantId, name: 'Eli', color: p1.color, role: 'participant', revoked: false });
    expect((await api(server.url, 'GET', `/api/boards/${b.id}/participants`, { token: p2.token })).status).toBe(403);
    expect((await api(server.url, 'GET', `/api/boards/${b.id}/participants`)).status).toBe(401);
    expect((await api(server.url, 'GET', `/api/boards/${'A'.repeat(22)}/participants`, { token: b.facilitatorKey })).status).toBe(404);
  });

  it('revoke closes the live connection with 4401 and the reason; every token stops working', async () => {
    const b = await createBoard(server.url);
    const victim = await joinBoard(server.url, b.id, 'Gus');
    const bystander = await joinBoard(server.url, b.id, 'Hal');
    const live = connect(server.url, b.id, victim.token);
    const other = connect(server.url, b.id, bystander.token);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      live.provider.on('closed', (e: { code: number; reason: string }) => resolve(e)),
    );
    const second = raw(server.url, b.id, victim.token); // a second tab
    await Promise.all([synced(live), synced(other), second.opened]);

    const path = `/api/boards/${b.id}/participants/${victim.participantId}/revoke`;
    expect((await api(server.url, 'POST', path, { token: bystander.token })).status).toBe(403);
    expect((await api(server.url, 'POST', path)).status).toBe(401);
    expect((await api(server.url, 'GET', path, { token: b.facilitatorKey })).status).toBe(405);
    expect((await api(server.url, 'POST', `/api/boards/${b.id}/participants/AAAAAAAAAA/revoke`, { token: b.facilitatorKey })).status).toBe(404);
    expect((await api(server.url, 'POST', `/api/boards/${b.id}/participants/${b.participantId}/revoke`, { token: b.facilitatorKey })).status).toBe(400);

    const res = await api(server.url, 'POST', path, { token: b.facilitatorKey });
    expect(res.status).toBe(204);
    expect(await closed).toEqual({ code: 4401, reason: REVOKED_REASON });
    expect(await second.closed).toEqual({ code: 4401, reason: REVOKED_REASON });
    expect(other.provider.wsconnected).toBe(true);
    other.close();
    live.close();

    expect((await api(server.url, 'GET', `/api/boards/${b.id}/me`, { token: victim.token })).status).toBe(401);
    expect((await api(server.url, 'PATCH', `/api/boards/${b.id}/me`, { token: victim.token, body: { name: 'x' } })).status).toBe(401);
    expect((await raw(server.url, b.id, victim.token).closed).code).toBe(4401);
    const list = (await api(server.url, 'GET', `/api/boards/${b.id}/participants`, { token: b.facilitatorKey })).json
      ?.participants as Array<{ participantId: string; revoked: boolean }>;
    expect(list.find((x) => x.participantId === victim.participantId)?.revoked).toBe(true);
    expect(list.find((x) => x.participantId === bystander.participantId)?.revoked).toBe(false);
    // Revoking again is harmless.
    expect((await api(server.url, 'POST', path, { token: b.facilitatorKey })).status).toBe(204);
  });

  it('a revoked projector key is replaced in the invite', async () => {
    const b = await createBoard(server.url);
    const list = (await api(server.url, 'GET', `/api/boards/${b.id}/participants`, { token: b.facilitatorKey })).json
      ?.participants as Array<{ participantId: string; role: string }>;
    const projector = list.find((x) => x.role === 'projector')!;
    await api(server.url, 'POST', `/api/boards/${b.id}/participants/${projector.participantId}/revoke`, { token: b.facilitatorKey });
    expect((await api(server.url, 'GET', `/api/boards/${b.id}/me`, { token: b.projectorKey })).status).toBe(401);
    const invite = await api(server.url, 'GET', `/api/boards/${b.id}/invite`, { token: b.facilitatorKey });
    const key = /#key=(.+)$/.exec(invite.json?.projectorUrl as string)?.[1] ?? '';
    expect(key).not.toBe(b.projectorKey);
    expect((await api(server.url, 'GET', `/api/boards/${b.id}/me`, { token: key })).json?.role).toBe('projector');
  });
});

describe('wrong join codes are rate limited per address', () => {
  it('429 with Retry-After after the limit, for right codes too; X-Forwarded-For is ignored', async () => {
    const server = await startTestServer({ limits: { maxWrongJoinCodesPerMinute: 3 } });
    try {
      const board = await createBoard(server.url);
      for (let i = 0; i < 3; i++) {
        // A forged header does not make each guess come from somewhere else.
        expect((await joinByCode(server.url, 'ZZZZZZ', 'x', { 'X-Forwarded-For': `10.0.0.${i}` })).status).toBe(404);
      }
      const limited = await joinByCode(server.url, 'ZZZZZZ', 'x', { 'X-Forwarded-For': '10.0.0.99' });
      expect(limited.status).toBe(429);
      expect(typeof limited.json?.error).toBe('string');
      const retry = Number(limited.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await joinByCode(server.url, board.joinCode)).status).toBe(429);
      // Joining by board link is not limited (board ids are 128-bit secrets).
      expect((await api(server.url, 'POST', '/api/join', { body: { boardId: board.id, name: 'x' } })).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('with TRUST_PROXY the last X-Forwarded-For entry is the address', async () => {
    const server = await startTestServer({ trustProxy: true, limits: { maxWrongJoinCodesPerMinute: 2 } });
    try {
      const board = await createBoard(server.url);
      const from = (ip: string) => ({ 'X-Forwarded-For': `1.2.3.4, ${ip}` });
      expect((await joinByCode(server.url, 'ZZZZZZ', 'x', from('10.0.0.1'))).status).toBe(404);
      expect((await joinByCode(server.url, 'ZZZZZZ', 'x', from('10.0.0.1'))).status).toBe(404);
      expect((await joinByCode(server.url, board.joinCode, 'x', from('10.0.0.1'))).status).toBe(429);
      expect((await joinByCode(server.url, board.joinCode, 'x', from('10.0.0.2'))).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../index';
import { createBoard, joinBoard, postJson, startTestServer, tempDir } from '../testing/helpers';

describe('HTTP API', () => {
  let server: RunningServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Sketchroom</title>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(staticDir, 'favicon.svg'), '<svg/>');
    server = await startTestServer({ staticDir });
  });
  afterAll(async () => {
    await server.close();
  });

  it('health', async () => {
    const res = await fetch(server.url + '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('tells the time on the server clock, never cached', async () => {
    const before = Date.now();
    const res = await fetch(server.url + '/api/time');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const { now } = (await res.json()) as { now: number };
    expect(Number.isInteger(now)).toBe(true);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect((await fetch(server.url + '/api/time', { method: 'POST' })).status).toBe(405);
  });

  it('creates, reads, joins and identifies', async () => {
    const board = await createBoard(server.url, '  Sprint retro  ');
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(board.title).toBe('Sprint retro');
    expect(board.url).toBe(`/b/${board.id}`);
    expect(board.name).toBe('Facilitator');
    expect(board.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(board.participantId).toMatch(/^[A-Za-z0-9_-]{10}$/);

    const read = await fetch(`${server.url}/api/boards/${board.id}`);
    expect(await read.json()).toEqual({ id: board.id, title: 'Sprint retro' });

    const joined = await joinBoard(server.url, board.id, ' Ada ');
    expect(joined).toMatchObject({ boardId: board.id, name: 'Ada' });
    expect(joined.color).not.toBe(board.color); // least used colour
    expect(joined.token).not.toBe(board.facilitatorKey);

    const me = await fetch(`${server.url}/api/boards/${board.id}/me`, { headers: { Authorization: `Bearer ${joined.token}` } });
    expect(await me.json()).toEqual({ role: 'participant', participantId: joined.participantId, name: 'Ada', color: joined.color });
    const fac = await fetch(`${server.url}/api/boards/${board.id}/me`, { headers: { Authorization: `Bearer ${board.facilitatorKey}` } });
    expect(((await fac.json()) as { role: string }).role).toBe('facilitator');
  });

  it('errors are JSON with plain words', async () => {
    const cases: Array<[Promise<Response>, number]> = [
      [fetch(server.url + '/api/boards', { method: 'POST', body: '{nope' }), 400],
      [fetch(server.url + '/api/boards', { method: 'POST', body: '[]' }), 400],
      [fetch(server.url + '/api/boards', { method: 'POST', body: JSON.stringify({ title: '   ' }) }), 400],
      [fetch(server.url + '/api/boards', { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(121) }) }), 400],
      [fetch(server.url + '/api/boards', { method: 'POST', body: JSON.stringify({ title: 'ok', prompt: 'p'.repeat(501) }) }), 400],
      [fetch(server.url + '/api/boards', { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(70_000) }) }), 413],
      [fetch(server.url + '/api/boards'), 405],
      [fetch(server.url + '/api/boards/' + 'A'.repeat(22)), 404],
      [fetch(server.url + '/api/boards/short'), 404],
      [fetch(server.url + '/api/join', { method: 'POST', body: JSON.stringify({ boardId: 'A'.repeat(22), name: 'x' }) }), 404],
      [fetch(server.url + '/api/join', { method: 'POST', body: JSON.stringify({ boardId: 'A'.repeat(22), name: 'x'.repeat(41) }) }), 400],
      [fetch(server.url + '/api/boards/' + 'A'.repeat(22) + '/me'), 401],
      [fetch(server.url + '/api/nothing'), 404],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string };
      expect(typeof body.error).toBe('string');
      expect(body.error.length).toBeGreaterThan(3);
    }
    // A token for one board does not identify on another.
    const a = await createBoard(server.url);
    const b = await createBoard(server.url);
    const res = await fetch(`${server.url}/api/boards/${b.id}/me`, { headers: { Authorization: `Bearer ${a.facilitatorKey}` } });
    expect(res.status).toBe(401);
    const { status } = await postJson(server.url, '/api/join', { boardId: a.id });
    expect(status).toBe(400);
  });

  it('serves the SPA with fallback, cache headers and no traversal', async () => {
    const index = await fetch(server.url + '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const route = await fetch(server.url + '/b/' + 'A'.repeat(22));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Sketchroom</title>');
    const asset = await fetch(server.url + '/assets/app-abc123.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(server.url + '/assets/missing.js')).status).toBe(404);
    expect((await fetch(server.url + '/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    for (const evil of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/.env']) {
      const res = await fetch(server.url + evil);
      const text = await res.text();
      expect(text).not.toContain('root:');
      expect(text).not.toContain('"name"');
    }
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(405);
  });
});

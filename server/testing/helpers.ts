/**
 * Test helpers: a real server on port 0 with a temporary data dir, real WebsocketProviders (Node,
 * `ws` as the WebSocket), and a raw client for sending hand-made (hostile) frames.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
// eslint-disable-next-line no-restricted-imports -- tests drive the server with the real client provider
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../index';
import type { ConfigOverrides } from '../config';
import type { CreateBoardResponse, JoinResponse } from '../../src/protocol/api';

export function tempDir(prefix = 'sketchroom-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(overrides: ConfigOverrides = {}): Promise<RunningServer> {
  // Every test connects from 127.0.0.1: the per-address upgrade limit is raised unless a test sets it.
  // No WAL preallocation (8 MB of disk per test server) unless a test asks (sqlite/open.test.ts).
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir(),
    staticDir: tempDir(),
    walPreallocBytes: 0,
    ...overrides,
    limits: { maxWsConnectsPerAddress: 100_000, ...overrides.limits },
  });
}

export type CreatedBoard = CreateBoardResponse;
export type Joined = JoinResponse;

export async function postJson(base: string, p: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(base + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Any API call: method, optional bearer token and JSON body; the status and parsed body (null when empty). */
export async function api(
  base: string,
  method: string,
  p: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown> | null; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + p, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: res.headers };
}

export async function createBoard(base: string, title = 'Retro'): Promise<CreatedBoard> {
  const { status, json } = await postJson(base, '/api/boards', { title });
  if (status !== 201) throw new Error(`create board: ${status}`);
  return json as unknown as CreatedBoard;
}

export async function joinBoard(base: string, boardId: string, name = 'Ada'): Promise<Joined> {
  const { status, json } = await postJson(base, '/api/join', { boardId, name });
  if (status !== 201) throw new Error(`join: ${status}`);
  return json as unknown as Joined;
}

export function wsBase(base: string): string {
  return base.replace(/^http/, 'ws') + '/ws';
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export function connect(base: string, boardId: string, token: string, doc = new Y.Doc(), caps?: string): Client {
  const params: Record<string, string> = { token };
  if (caps) params.caps = caps;
  const provider = new WebsocketProvider(wsBase(base), boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
    },
  };
}

export async function waitFor(predicate: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function synced(client: Client): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider sync');
}

/** A bare socket: send crafted frames, observe the close code. */
export interface RawClient {
  ws: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array): void;
}

export function raw(base: string, boardId: string, token: string | null, query = ''): RawClient {
  const url = `${wsBase(base)}/${boardId}${token === null ? '' : `?token=${encodeURIComponent(token)}`}${query}`;
  const ws = new WebSocket(url);
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, messages, opened, closed, send: (data) => ws.send(data) };
}

/** [Sync][Update][update]: the frame a provider sends for a local change. */
export function updateFrame(update: Uint8Array, step = 2): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
}

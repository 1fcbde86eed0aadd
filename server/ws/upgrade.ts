/**
 * WebSocket upgrades on /ws/<boardId>?token=...&caps=live,confirm. The token is checked before the
 * connection joins anything; a refused connection is accepted only to be closed with its code
 * (4404 unknown board, 4401 bad token) because browsers never see the status of a refused
 * upgrade. ws enforces maxPayload (close 1009); a ping every 30 s reaps dead sockets.
 * Venue limits (docs/operations.md): upgrade attempts per address (HTTP 429 before any handshake),
 * connections per room (4409); per-connection and document size limits live in limits.ts.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '../../src/protocol/closeCodes';
import { isBoardId } from '../../src/protocol/ids';
import { Capability, parseCaps } from '../../src/protocol/messages';
import type { AuthService } from '../auth/AuthService';
import type { Limits } from '../config';
import { remoteAddress } from '../http/api';
import { FailureLimiter } from '../net/rateLimit';
import type { BoardStore } from '../persistence/types';
import type { EaselKeeper } from '../rooms/easelKeeper';
import type { RoomManager } from '../rooms/RoomManager';
import { Connection } from './Connection';
import { DocSizes, roomFullReason } from './limits';

export interface WsDeps {
  auth: AuthService;
  boards: BoardStore;
  rooms: RoomManager;
  limits: Limits;
  /** Key the per-address upgrade limit on the last X-Forwarded-For entry (TRUST_PROXY). */
  trustProxy: boolean;
  /** Gives a connecting participant their easel when easels are on. */
  easels?: EaselKeeper;
}

export interface WsGateway {
  /** Stops accepting; existing sockets are closed by the room manager. */
  close(): void;
  /** Open sockets (tests). */
  readonly clients: number;
}

const PING_INTERVAL_MS = 30_000;

export function attachWebSockets(server: Server, deps: WsDeps): WsGateway {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxFrameBytes });
  let accepting = true;
  const alive = new WeakSet<WebSocket>();
  const { limits } = deps;
  // Every attempt counts (FailureLimiter's "failures" are attempts here).
  const attempts = new FailureLimiter({ limit: limits.maxWsConnectsPerAddress, windowMs: limits.wsConnectWindowMs });
  const docSizes = new DocSizes(limits.maxDocBytes);
  const roomFull = (boardId: string): boolean => (deps.rooms.stats(boardId)?.connections ?? 0) >= limits.maxConnectionsPerRoom;

  const refuse = (req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      ws.close(code, reason);
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/ws\/([^/]*)$/.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const address = remoteAddress(req, deps.trustProxy);
    const decision = attempts.check(address);
    if (!decision.allowed) {
      const retry = Math.ceil(decision.retryAfterMs / 1000);
      socket.end(`HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retry}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    attempts.fail(address);
    if (!accepting) return refuse(req, socket, head, CloseCode.ServiceRestart, 'server restarting');
    const boardId = match[1] ?? '';
    if (!isBoardId(boardId) || !deps.boards.getBoard(boardId)) {
      return refuse(req, socket, head, CloseCode.UnknownBoard, 'unknown board');
    }
    const identity = deps.auth.authenticate(boardId, url.searchParams.get('token'));
    if (!identity) return refuse(req, socket, head, CloseCode.Unauthorized, 'missing or invalid token');
    if (roomFull(boardId)) return refuse(req, socket, head, CloseCode.RoomFull, roomFullReason());
    const caps = parseCaps(url.searchParams.get('caps'));
    const wantsLive = caps.has(Capability.Live);
    const wantsConfirm = caps.has(Capability.Confirm);
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!accepting) {
        ws.close(CloseCode.ServiceRestart, 'server restarting');
        return;
      }
      // Checked again now that the handshake is done: a revoke may have landed in between.
      const current = deps.auth.authenticate(boardId, url.searchParams.get('token'));
      if (!current) {
        ws.close(CloseCode.Unauthorized, 'missing or invalid token');
        return;
      }
      // Checked again too: others may have joined during the handshake.
      if (roomFull(boardId)) {
        ws.close(CloseCode.RoomFull, roomFullReason());
        return;
      }
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      const room = deps.rooms.acquire(boardId);
      new Connection(ws, room, current, wantsLive, deps.limits, docSizes, wantsConfirm);
      deps.easels?.joined(room, current);
    });
  });

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  return {
    close() {
      accepting = false;
      clearInterval(pinger);
    },
    get clients() {
      return wss.clients.size;
    },
  };
}

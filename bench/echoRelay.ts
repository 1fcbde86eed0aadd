/**
 * The bare baseline relay: a `ws` server that forwards each message, as is, to the other
 * connections on the same URL path. No parsing, no storage, no auth. Run it as a child process
 * (bench/lib/child.ts); it answers "start" with its port.
 */
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { gcMemory, serveRequests } from './lib/child';

const rooms = new Map<string, Set<WebSocket>>();
let wss: WebSocketServer | null = null;

function start(): Promise<{ port: number }> {
  return new Promise((resolve) => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 1 << 20 });
    wss.on('connection', (ws, req) => {
      const key = (req.url ?? '/').split('?')[0]!;
      let room = rooms.get(key);
      if (!room) rooms.set(key, (room = new Set()));
      room.add(ws);
      ws.on('message', (data: RawData, isBinary: boolean) => {
        for (const peer of room) {
          if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
        }
      });
      ws.on('close', () => {
        room.delete(ws);
        if (room.size === 0) rooms.delete(key);
      });
    });
    wss.on('listening', () => {
      const addr = wss!.address();
      resolve({ port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}

serveRequests(
  {
    start: () => start(),
    cpu: () => process.cpuUsage(),
    mem: () => gcMemory(),
    rooms: () => rooms.size,
  },
  () =>
    new Promise<void>((resolve) => {
      if (!wss) return resolve();
      for (const c of wss.clients) c.terminate();
      wss.close(() => resolve());
    }),
);

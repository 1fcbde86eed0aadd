/** The node:http server: /api to the API, everything else (but /ws upgrades) to the static SPA. */
import http from 'node:http';
import { handleApi, type ApiDeps } from './api';
import { handleStatic } from './static';

export interface HttpDeps extends ApiDeps {
  staticDir: string;
}

export function createHttpServer(deps: HttpDeps): http.Server {
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      void handleApi(req, res, pathname, deps);
      return;
    }
    if (pathname === '/ws' || pathname.startsWith('/ws/')) {
      res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' }).end('Use a WebSocket here.');
      return;
    }
    handleStatic(req, res, pathname, deps.staticDir);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

/**
 * Serves the built SPA from STATIC_DIR. Hashed files under /assets/ are immutable (cached for a
 * year); index.html is revalidated every time so a deploy shows up on reload. Any other GET that
 * is not a file gets index.html (client-side routes like /b/<id>). Paths are resolved inside the
 * root and refused otherwise (no traversal, no dotfiles).
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

/** The file a URL path names inside root, or null if it would escape it or is hidden. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((part) => part.startsWith('.'))) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function isFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stat: fs.Stats, cache: string): void {
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': cache,
    'Last-Modified': stat.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function handleStatic(req: IncomingMessage, res: ServerResponse, urlPath: string, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveInside(root, urlPath);
  if (file === null) {
    plain(res, 404, 'Not found');
    return;
  }
  const stat = isFile(file);
  if (stat) {
    const immutable = urlPath.startsWith('/assets/');
    const isIndex = path.basename(file) === 'index.html';
    sendFile(req, res, file, stat, immutable ? 'public, max-age=31536000, immutable' : isIndex ? 'no-cache' : 'public, max-age=3600');
    return;
  }
  // A missing hashed asset must 404: answering with HTML would be parsed as a script.
  if (urlPath.startsWith('/assets/')) {
    plain(res, 404, 'Not found');
    return;
  }
  const index = path.join(root, 'index.html');
  const indexStat = isFile(index);
  if (!indexStat) {
    plain(res, 404, 'The app is not built. Run `npm run build` (or use `npm run dev`).');
    return;
  }
  sendFile(req, res, index, indexStat, 'no-cache');
}

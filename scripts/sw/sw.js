/**
 * Sketchroom's service worker: just enough for a board to open while offline. The build
 * (scripts/sw/plugin.ts) replaces PRECACHE with the built files, so every deploy is a new worker.
 * - Pages (navigations): network first, the cached index.html when offline.
 * - Built files: cache first (hashed names never change).
 * - /api and /ws: never touched (always the network).
 */
const PRECACHE = self.__PRECACHE__;
const CACHE = `sketchroom-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sketchroom-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/ws')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/index.html').then((r) => r ?? Response.error())));
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});

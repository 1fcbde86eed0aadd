/** A tiny router over the History API: `/` home, `/join` join by code, `/b/:id` board, anything else not found. */
import { useSyncExternalStore } from 'react';

export type Route = { name: 'home' } | { name: 'join' } | { name: 'board'; boardId: string } | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/join' || pathname === '/join/') return { name: 'join' };
  const m = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (m) return { name: 'board', boardId: decodeURIComponent(m[1]!) };
  return { name: 'notFound' };
}

const NAV_EVENT = 'sketchroom:navigate';

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAV_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAV_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAV_EVENT, onChange);
  };
}

const getPath = () => location.pathname;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getPath));
}

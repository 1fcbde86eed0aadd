/**
 * Facilitator and projector links carry their secret in the URL fragment (`/b/<id>#key=<secret>`):
 * browsers never send fragments to servers, logs or referrers. The page reads the key once and
 * strips it from the address bar and the history entry at once.
 */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The key from a location hash such as `#key=abc`, or null. Other fragment parameters are ignored. */
export function parseKeyFragment(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return null;
  const key = new URLSearchParams(raw).get('key');
  return key && TOKEN.test(key) ? key : null;
}

/** The same address without its fragment. */
export function withoutFragment(pathname: string, search: string): string {
  return pathname + search;
}

/** Reads `#key=` from the current address and removes the fragment from it (and from history). */
export function takeKeyFromLocation(): string | null {
  if (!location.hash) return null;
  const key = parseKeyFragment(location.hash);
  history.replaceState(history.state, '', withoutFragment(location.pathname, location.search));
  return key;
}

/**
 * Which address attendees should use. A facilitator who runs Sketchroom on their own laptop opens it
 * as http://localhost:8080, which nobody else in the room can reach: then the links and the QR code
 * use the laptop's address on the local network (the server lists them).
 */
export function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '0.0.0.0';
}

export interface InviteOrigin {
  /** Origin for the links and the QR code. */
  origin: string;
  /** Other addresses of this computer that may work too (another network card). */
  alternatives: string[];
  /** The page is on localhost and the server knows no network address: nobody else can join. */
  unreachable: boolean;
  /** The address was swapped for a network one. */
  swapped: boolean;
}

export function chooseInviteOrigin(pageOrigin: string, lanOrigins: readonly string[]): InviteOrigin {
  const host = new URL(pageOrigin).hostname;
  if (!isLocalHost(host)) return { origin: pageOrigin, alternatives: [], unreachable: false, swapped: false };
  const lan = lanOrigins.filter((o) => /^https?:\/\//.test(o)).map((o) => o.replace(/\/+$/, ''));
  if (lan.length === 0) return { origin: pageOrigin, alternatives: [], unreachable: true, swapped: false };
  return { origin: lan[0]!, alternatives: lan.slice(1), unreachable: false, swapped: true };
}

/** origin + a path from the API ("/join?code=…"), tolerating a path that is already absolute. */
export function absoluteUrl(origin: string, path: string): string {
  if (/^https?:\/\//.test(path)) {
    const u = new URL(path);
    return origin + u.pathname + u.search + u.hash;
  }
  return origin + (path.startsWith('/') ? path : `/${path}`);
}

/** How a link reads on screen: without the scheme. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

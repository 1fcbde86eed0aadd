/** The machine's LAN IPv4 addresses: printed at start and shown in the facilitator's Invite panel. */
import os from 'node:os';

export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

/** Whether the server listens on every interface (then every LAN address reaches it). */
export function listensEverywhere(host: string | null): boolean {
  return !host || host === '0.0.0.0' || host === '::';
}

/** `http://<lan-ip>:<port>` for each LAN IPv4 address the server can be reached on. */
export function lanOrigins(host: string | null, port: number): string[] {
  const addresses = lanAddresses();
  const reachable = listensEverywhere(host) ? addresses : addresses.filter((a) => a === host);
  return reachable.map((ip) => `http://${ip}:${port}`);
}

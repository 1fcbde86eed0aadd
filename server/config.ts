/**
 * Server configuration from the environment, validated once at start so that a typo fails loudly
 * with the variable's name instead of surfacing later as a strange runtime error.
 */
import path from 'node:path';

export interface Limits {
  /** JSON request bodies; larger -> 413. */
  maxBodyBytes: number;
  /** One WebSocket frame (ws `maxPayload`); larger -> close 1009. */
  maxFrameBytes: number;
  /** One awareness message; larger -> close 4400. */
  maxAwarenessBytes: number;
  /** Structs in one document update (an offline client's catch-up can be large). */
  maxStructsPerUpdate: number;
  /** Yjs client ids one connection may claim for the first time (each tab/reload makes one). */
  maxNewClientIdsPerConnection: number;
  /** Updates arriving within this window are committed in one SQLite transaction. */
  groupCommitMs: number;
  /** Compact a board's update rows once this many have accumulated. */
  compactAfterRows: number;
  /** Wrong join codes one remote address may send per minute before POST /api/join answers 429. */
  maxWrongJoinCodesPerMinute: number;
  /** Awareness messages one connection may send per second; the excess is dropped (latest kept). */
  maxAwarenessPerSecond: number;
  /** Presence reaches each connection at most once per this many ms (batched per room); 0 = every update at once. */
  awarenessBatchMs: number;
  /** Messages one connection may send per second, sustained (token bucket); a flood -> close 4429. */
  maxMessagesPerSecond: number;
  /** Messages one connection may send at once above that rate (bucket size). */
  messageBurst: number;
  /** Bytes one connection may send per second, sustained (token bucket); a flood -> close 4429. */
  maxBytesPerSecond: number;
  /** Bytes one connection may send at once above that rate (at least one maximum frame). */
  byteBurst: number;
  /** A connection must send its sync step 1 within this long of opening, or it is closed with 4408. */
  handshakeTimeoutMs: number;
  /**
   * A connection the server has sent nothing for this long gets an empty presence message (0 = never):
   * y-websocket clients reconnect after 30 s without any message, and the server does not echo a
   * client's own presence, so someone alone on a quiet board would otherwise reconnect every 30 s.
   */
  keepaliveMs: number;
  /** Connections one room (board) may hold; the next one is closed with 4409. */
  maxConnectionsPerRoom: number;
  /** A board's document size (encoded bytes, estimated); updates that add content above it -> 4413. */
  maxDocBytes: number;
  /** WebSocket upgrade attempts one remote address may make per `wsConnectWindowMs`; more -> HTTP 429. */
  maxWsConnectsPerAddress: number;
  wsConnectWindowMs: number;
  /** One uploaded picture, bytes; larger -> 413 (answered as soon as the limit is passed). */
  maxImageBytes: number;
  /** Decoded size of a picture (width x height from its header); more -> 422 (decompression bombs). */
  maxImagePixels: number;
  /** Longest side of a picture in pixels; more -> 422. */
  maxImageSide: number;
  /** Picture uploads one participant, and one remote address, may make per `imageUploadWindowMs` (429 above). */
  maxImageUploadsPerParticipant: number;
  maxImageUploadsPerAddress: number;
  imageUploadWindowMs: number;
  /** Picture uploads the server holds in memory at once (503 above). */
  maxConcurrentImageUploads: number;
}

export interface Config {
  /** 0 = any free port. */
  port: number;
  /** null = all interfaces. */
  host: string | null;
  dataDir: string;
  /** Unload an empty room after this long. */
  roomIdleMs: number;
  /** A room's Y.Doc is dropped for the board at rest once nothing has needed it for this long (RoomDocument); 0 = never. */
  roomRestMs: number;
  /** The SQLite WAL file is grown to this size at start (sqlite/open.ts preallocateWal); 0 = not. */
  walPreallocBytes: number;
  /** Built SPA (vite `dist/`). */
  staticDir: string;
  /**
   * Behind a reverse proxy: take the client address from the last X-Forwarded-For entry (the one
   * the proxy appended). Off by default, since anyone can send that header.
   */
  trustProxy: boolean;
  limits: Limits;
}

/** What `startServer()` accepts: any subset, limits included. */
export type ConfigOverrides = Partial<Omit<Config, 'limits'>> & { limits?: Partial<Limits> };

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 64 * 1024,
  maxFrameBytes: 1024 * 1024,
  maxAwarenessBytes: 8 * 1024,
  maxStructsPerUpdate: 100_000,
  maxNewClientIdsPerConnection: 32,
  groupCommitMs: 0,
  compactAfterRows: 500,
  maxWrongJoinCodesPerMinute: 10,
  maxAwarenessPerSecond: 20,
  awarenessBatchMs: 33,
  maxMessagesPerSecond: 200,
  messageBurst: 1000,
  maxBytesPerSecond: 1024 * 1024,
  byteBurst: 8 * 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  keepaliveMs: 15_000,
  maxConnectionsPerRoom: 100,
  maxDocBytes: 50 * 1024 * 1024,
  maxWsConnectsPerAddress: 300,
  wsConnectWindowMs: 10_000,
  maxImageBytes: 10 * 1024 * 1024,
  maxImagePixels: 50_000_000,
  maxImageSide: 10_000,
  maxImageUploadsPerParticipant: 60,
  maxImageUploadsPerAddress: 600,
  imageUploadWindowMs: 600_000,
  maxConcurrentImageUploads: 8,
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`Invalid ${name} "${raw}": expected an integer from ${min} to ${max}.`);
  }
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`Invalid ${name} "${raw}": expected true or false (1/0, yes/no).`);
}

function textVar(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === '') throw new ConfigError(`Invalid ${name}: it is set but empty.`);
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const host = env.HOST?.trim();
  return {
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host: host ? host : null,
    dataDir: path.resolve(textVar(env, 'DATA_DIR', './data')),
    roomIdleMs: intVar(env, 'ROOM_IDLE_MS', 30_000, 0, 24 * 3600_000),
    roomRestMs: intVar(env, 'ROOM_REST_MS', 30_000, 0, 24 * 3600_000),
    walPreallocBytes: intVar(env, 'WAL_PREALLOC_BYTES', 8 * 1024 * 1024, 0, 1024 * 1024 * 1024),
    staticDir: path.resolve(textVar(env, 'STATIC_DIR', 'dist')),
    trustProxy: boolVar(env, 'TRUST_PROXY', false),
    limits: {
      maxBodyBytes: intVar(env, 'MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1024, 16 * 1024 * 1024),
      maxFrameBytes: intVar(env, 'MAX_FRAME_BYTES', DEFAULT_LIMITS.maxFrameBytes, 64 * 1024, 64 * 1024 * 1024),
      maxAwarenessBytes: intVar(env, 'MAX_AWARENESS_BYTES', DEFAULT_LIMITS.maxAwarenessBytes, 256, 1024 * 1024),
      maxStructsPerUpdate: intVar(env, 'MAX_STRUCTS_PER_UPDATE', DEFAULT_LIMITS.maxStructsPerUpdate, 100, 10_000_000),
      maxNewClientIdsPerConnection: intVar(env, 'MAX_NEW_CLIENT_IDS', DEFAULT_LIMITS.maxNewClientIdsPerConnection, 1, 10_000),
      groupCommitMs: intVar(env, 'GROUP_COMMIT_MS', DEFAULT_LIMITS.groupCommitMs, 0, 1000),
      compactAfterRows: intVar(env, 'COMPACT_AFTER_ROWS', DEFAULT_LIMITS.compactAfterRows, 2, 1_000_000),
      maxWrongJoinCodesPerMinute: intVar(env, 'MAX_WRONG_JOIN_CODES_PER_MINUTE', DEFAULT_LIMITS.maxWrongJoinCodesPerMinute, 1, 100_000),
      maxAwarenessPerSecond: intVar(env, 'MAX_AWARENESS_PER_SECOND', DEFAULT_LIMITS.maxAwarenessPerSecond, 1, 10_000),
      awarenessBatchMs: intVar(env, 'AWARENESS_BATCH_MS', DEFAULT_LIMITS.awarenessBatchMs, 0, 1000),
      maxMessagesPerSecond: intVar(env, 'MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.maxMessagesPerSecond, 1, 1_000_000),
      messageBurst: intVar(env, 'MESSAGE_BURST', DEFAULT_LIMITS.messageBurst, 1, 10_000_000),
      maxBytesPerSecond: intVar(env, 'MAX_BYTES_PER_SECOND', DEFAULT_LIMITS.maxBytesPerSecond, 1024, 1024 * 1024 * 1024),
      byteBurst: intVar(env, 'BYTE_BURST', DEFAULT_LIMITS.byteBurst, 1024, 1024 * 1024 * 1024),
      handshakeTimeoutMs: intVar(env, 'HANDSHAKE_TIMEOUT_MS', DEFAULT_LIMITS.handshakeTimeoutMs, 100, 3600_000),
      keepaliveMs: intVar(env, 'KEEPALIVE_MS', DEFAULT_LIMITS.keepaliveMs, 0, 3600_000),
      maxConnectionsPerRoom: intVar(env, 'MAX_CONNECTIONS_PER_ROOM', DEFAULT_LIMITS.maxConnectionsPerRoom, 1, 100_000),
      maxDocBytes: intVar(env, 'MAX_DOC_BYTES', DEFAULT_LIMITS.maxDocBytes, 1024, 2 ** 40),
      maxWsConnectsPerAddress: intVar(env, 'MAX_WS_CONNECTS_PER_ADDRESS', DEFAULT_LIMITS.maxWsConnectsPerAddress, 1, 1_000_000),
      wsConnectWindowMs: intVar(env, 'WS_CONNECT_WINDOW_MS', DEFAULT_LIMITS.wsConnectWindowMs, 100, 3600_000),
      maxImageBytes: intVar(env, 'MAX_IMAGE_BYTES', DEFAULT_LIMITS.maxImageBytes, 1024, 1024 * 1024 * 1024),
      maxImagePixels: intVar(env, 'MAX_IMAGE_PIXELS', DEFAULT_LIMITS.maxImagePixels, 1, 1_000_000_000),
      maxImageSide: intVar(env, 'MAX_IMAGE_SIDE', DEFAULT_LIMITS.maxImageSide, 1, 100_000),
      maxImageUploadsPerParticipant: intVar(env, 'MAX_IMAGE_UPLOADS_PER_PARTICIPANT', DEFAULT_LIMITS.maxImageUploadsPerParticipant, 1, 1_000_000),
      maxImageUploadsPerAddress: intVar(env, 'MAX_IMAGE_UPLOADS_PER_ADDRESS', DEFAULT_LIMITS.maxImageUploadsPerAddress, 1, 1_000_000),
      imageUploadWindowMs: intVar(env, 'IMAGE_UPLOAD_WINDOW_MS', DEFAULT_LIMITS.imageUploadWindowMs, 1000, 24 * 3600_000),
      maxConcurrentImageUploads: intVar(env, 'MAX_CONCURRENT_IMAGE_UPLOADS', DEFAULT_LIMITS.maxConcurrentImageUploads, 1, 10_000),
    },
  };
}

/** Applies programmatic overrides (tests, benchmarks) on top of the environment. */
export function resolveConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const base = loadConfig(env);
  const merged: Config = { ...base, ...overrides, limits: { ...base.limits, ...overrides.limits } };
  if (!Number.isInteger(merged.port) || merged.port < 0 || merged.port > 65535) {
    throw new ConfigError(`Invalid port ${merged.port}: expected an integer from 0 to 65535.`);
  }
  for (const key of ['roomIdleMs', 'roomRestMs'] as const) {
    if (!Number.isInteger(merged[key]) || merged[key] < 0) {
      throw new ConfigError(`Invalid ${key} ${merged[key]}: expected a non-negative integer.`);
    }
  }
  merged.dataDir = path.resolve(merged.dataDir);
  merged.staticDir = path.resolve(merged.staticDir);
  return merged;
}

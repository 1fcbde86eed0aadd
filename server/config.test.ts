import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from './config';

describe('config', () => {
  it('has the contract defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBeNull();
    expect(c.roomIdleMs).toBe(30_000);
    expect(c.dataDir.endsWith('data')).toBe(true);
    expect(c.staticDir.endsWith('dist')).toBe(true);
    expect(c.limits.maxBodyBytes).toBe(64 * 1024);
    expect(c.limits.maxFrameBytes).toBe(1024 * 1024);
    expect(c.limits).toMatchObject({
      maxMessagesPerSecond: 200,
      messageBurst: 1000,
      maxBytesPerSecond: 1024 * 1024,
      byteBurst: 8 * 1024 * 1024,
      handshakeTimeoutMs: 10_000,
      maxConnectionsPerRoom: 100,
      maxDocBytes: 50 * 1024 * 1024,
      maxWsConnectsPerAddress: 300,
      wsConnectWindowMs: 10_000,
    });
  });

  it('reads the venue limits from the environment', () => {
    const c = loadConfig({ MAX_CONNECTIONS_PER_ROOM: '40', MAX_DOC_BYTES: '1048576', HANDSHAKE_TIMEOUT_MS: '5000', MAX_WS_CONNECTS_PER_ADDRESS: '60' });
    expect(c.limits).toMatchObject({ maxConnectionsPerRoom: 40, maxDocBytes: 1048576, handshakeTimeoutMs: 5000, maxWsConnectsPerAddress: 60 });
    expect(() => loadConfig({ MAX_MESSAGES_PER_SECOND: '0' })).toThrow(/MAX_MESSAGES_PER_SECOND/);
    expect(() => loadConfig({ BYTE_BURST: 'lots' })).toThrow(/BYTE_BURST/);
  });

  it('reads and validates the environment with the variable name in the error', () => {
    expect(loadConfig({ PORT: '0', HOST: '127.0.0.1', ROOM_IDLE_MS: '50' })).toMatchObject({ port: 0, host: '127.0.0.1', roomIdleMs: 50 });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROOM_IDLE_MS: '-1' })).toThrow(/ROOM_IDLE_MS/);
    expect(() => loadConfig({ DATA_DIR: '  ' })).toThrow(/DATA_DIR/);
    expect(() => loadConfig({ GROUP_COMMIT_MS: '1.5' })).toThrow(/GROUP_COMMIT_MS/);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ MAX_WRONG_JOIN_CODES_PER_MINUTE: '3' }).limits.maxWrongJoinCodesPerMinute).toBe(3);
  });

  it('applies programmatic overrides, limits included', () => {
    const c = resolveConfig({ port: 0, limits: { compactAfterRows: 3 } }, {});
    expect(c.port).toBe(0);
    expect(c.limits.compactAfterRows).toBe(3);
    expect(c.limits.maxBodyBytes).toBe(64 * 1024);
    expect(() => resolveConfig({ port: -1 }, {})).toThrow(ConfigError);
  });
});

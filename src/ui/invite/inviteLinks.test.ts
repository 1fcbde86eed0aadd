import { describe, expect, it } from 'vitest';
import { absoluteUrl, chooseInviteOrigin, displayUrl, isLocalHost } from './inviteLinks';

describe('invite links', () => {
  it('knows local-only host names', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0.0.0.0']) expect(isLocalHost(h)).toBe(true);
    for (const h of ['192.168.1.23', 'sketch.example.org', '10.0.0.5']) expect(isLocalHost(h)).toBe(false);
  });

  it('keeps a reachable page address', () => {
    expect(chooseInviteOrigin('http://192.168.1.23:8080', ['http://192.168.1.23:8080'])).toEqual({
      origin: 'http://192.168.1.23:8080',
      alternatives: [],
      unreachable: false,
      swapped: false,
    });
  });

  it('swaps localhost for the first network address and lists the others', () => {
    expect(chooseInviteOrigin('http://localhost:8080', ['http://192.168.1.23:8080/', 'http://10.0.0.4:8080'])).toEqual({
      origin: 'http://192.168.1.23:8080',
      alternatives: ['http://10.0.0.4:8080'],
      unreachable: false,
      swapped: true,
    });
  });

  it('says so when localhost has no network address', () => {
    expect(chooseInviteOrigin('http://127.0.0.1:8080', []).unreachable).toBe(true);
  });

  it('builds absolute links from API paths', () => {
    expect(absoluteUrl('http://192.168.1.23:8080', '/join?code=K7M2QX')).toBe('http://192.168.1.23:8080/join?code=K7M2QX');
    expect(absoluteUrl('http://h:1', 'b/x#key=abc')).toBe('http://h:1/b/x#key=abc');
    expect(absoluteUrl('http://h:1', 'http://localhost:8080/join?code=A')).toBe('http://h:1/join?code=A');
    expect(displayUrl('http://h:1/join?code=A')).toBe('h:1/join?code=A');
  });
});

import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../src/protocol/api';
import { AuthService } from '../auth/AuthService';
import { openSqliteStorage } from '../persistence/sqlite';
import { tempDir } from '../testing/helpers';
import { BoardService } from './BoardService';
import { newJoinCode } from './joinCodes';

describe('join codes', () => {
  it('are 6 characters of the alphabet, every character used', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newJoinCode();
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('are unique among boards, renewal replaces the old code, lookup is case/space/dash-insensitive', () => {
    const storage = openSqliteStorage(tempDir(), { groupCommitMs: 0 });
    const draws = ['AAAAAA', 'AAAAAA', 'BBBBBB', 'BBBBBB', 'AAAAAA', 'CCCCCC'];
    const service = new BoardService(storage.boards, new AuthService(storage.boards), Date.now, () => draws.shift()!);
    const one = service.create('One', '');
    const two = service.create('Two', ''); // AAAAAA is taken: draws again
    expect(one.joinCode).toBe('AAAAAA');
    expect(two.joinCode).toBe('BBBBBB');
    // Renewal never returns the same code, nor another board's: BBBBBB (own), AAAAAA (taken) -> CCCCCC.
    expect(service.renewJoinCode(two.board.id)).toBe('CCCCCC');
    expect(service.findByJoinCode('bbbbbb')).toBeNull();
    expect(service.findByJoinCode(' cc-cc cc ')).toBe(two.board.id);
    expect(service.findByJoinCode('aaa aaa')).toBe(one.board.id);
    expect(service.findByJoinCode('AAAAA0')).toBeNull();
    storage.close();
  });
});

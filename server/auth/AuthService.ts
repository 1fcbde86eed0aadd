/**
 * Who is this request or connection: issues tokens for a board and resolves a presented token to
 * an identity (board, role, participant). Lookups go by hash only.
 */
import { randomId } from '../../src/lib/ids';
import type { Role } from '../../src/protocol/roles';
import type { ParticipantRecord, TokenStore } from '../persistence/types';
import { pickColor } from './palette';
import { hashToken, looksLikeToken, newToken } from './tokens';

export interface Identity {
  boardId: string;
  role: Role;
  participantId: string;
  name: string;
  color: string;
}

export interface IssuedToken extends Identity {
  token: string;
}

export class AuthService {
  constructor(private readonly tokens: TokenStore, private readonly now: () => number = Date.now) {}

  issue(boardId: string, role: Role, name: string): IssuedToken {
    const token = newToken();
    const participantId = randomId(10);
    // Projectors do not draw, so they neither get nor use up a participant colour.
    const color = role === 'projector' ? '#000000' : pickColor(this.tokens.colorCounts(boardId));
    this.tokens.insertToken({
      tokenHash: hashToken(token),
      boardId,
      role,
      participantId,
      name,
      color,
      revoked: false,
      createdAt: this.now(),
    });
    return { token, boardId, role, participantId, name, color };
  }

  /** The identity behind a token for this board, or null (missing, unknown, revoked, other board). */
  authenticate(boardId: string, token: unknown): Identity | null {
    if (!looksLikeToken(token)) return null;
    const record = this.tokens.findToken(hashToken(token));
    if (!record || record.revoked || record.boardId !== boardId) return null;
    return {
      boardId: record.boardId,
      role: record.role,
      participantId: record.participantId,
      name: record.name,
      color: record.color,
    };
  }

  /** Everyone who was given a token for this board, oldest first. */
  participants(boardId: string): ParticipantRecord[] {
    return this.tokens.listParticipants(boardId);
  }

  participant(boardId: string, participantId: string): ParticipantRecord | null {
    return this.tokens.getParticipant(boardId, participantId);
  }

  /** Every token of the participant stops working. Returns how many were still live. */
  revoke(boardId: string, participantId: string): number {
    return this.tokens.revokeParticipant(boardId, participantId);
  }

  rename(boardId: string, participantId: string, name: string): void {
    this.tokens.renameParticipant(boardId, participantId, name);
  }
}

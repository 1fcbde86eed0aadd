import { describe, expect, it } from 'vitest';
import type { Peer } from '../../editor/presence';
import { derivePeople, drawingNow } from './peopleList';

const peer = (clientId: number, participantId: string, name: string, extra: Partial<Peer> = {}): Peer => ({
  clientId,
  participantId,
  name,
  color: '#0072B2',
  role: 'participant',
  cursor: null,
  drawing: false,
  ...extra,
});

const me = { participantId: 'me00000000', name: 'Robin', color: '#D55E00', role: 'participant', drawing: false };

describe('derivePeople', () => {
  it('lists me first, then the facilitator, then others by name', () => {
    const list = derivePeople(me, [
      peer(5, 'zoe0000000', 'zoë'),
      peer(3, 'fac0000000', 'Facilitator', { role: 'facilitator' }),
      peer(9, 'abe0000000', 'Abe'),
    ]);
    expect(list.map((p) => p.name)).toEqual(['Robin', 'Facilitator', 'Abe', 'zoë']);
    expect(list[0]!.isMe).toBe(true);
    expect(list.slice(1).every((p) => !p.isMe)).toBe(true);
  });

  it('shows a person with several tabs once, drawing when any tab draws', () => {
    const list = derivePeople(me, [
      peer(7, 'sam0000000', 'Sam (old name)', { drawing: false }),
      peer(4, 'sam0000000', 'Sam', { drawing: false }),
      peer(8, 'sam0000000', 'Sam', { drawing: true }),
      peer(2, 'me00000000', 'Robin', { drawing: true }), // my other tab
    ]);
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ participantId: 'sam0000000', name: 'Sam', drawing: true });
    expect(list[0]).toMatchObject({ isMe: true, drawing: true });
    expect(drawingNow(list).map((p) => p.name)).toEqual(['Robin', 'Sam']);
  });

  it('leaves projectors out, and keeps peers without an id apart', () => {
    const list = derivePeople({ ...me, role: 'projector' }, [peer(1, '', 'A'), peer(2, '', 'B'), peer(3, 'p000000000', 'Wall', { role: 'projector' })]);
    expect(list.map((p) => p.name)).toEqual(['A', 'B']);
  });

  it('is empty with nobody around', () => {
    expect(derivePeople(null, [])).toEqual([]);
  });
});

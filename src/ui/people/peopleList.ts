/**
 * Who is here, for the People panel: one row per participant (someone with two tabs open is one
 * person), this screen's person first, then the facilitator, then everyone else by name.
 * Projectors are screens, not people: they are left out.
 */
import type { Peer } from '../../editor/presence';

export interface Person {
  participantId: string;
  name: string;
  color: string;
  role: string;
  drawing: boolean;
  isMe: boolean;
}

export interface Me {
  participantId: string;
  name: string;
  color: string;
  role: string;
  drawing: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function rank(p: Person): number {
  if (p.isMe) return 0;
  return p.role === 'facilitator' ? 1 : 2;
}

export function derivePeople(me: Me | null, peers: readonly Peer[]): Person[] {
  const byId = new Map<string, Person>();
  if (me && me.role !== 'projector') byId.set(me.participantId, { ...me, isMe: true });
  // Lowest client id first, so a person with two tabs keeps a stable name and colour.
  for (const peer of [...peers].sort((a, b) => a.clientId - b.clientId)) {
    if (peer.role === 'projector') continue;
    const id = peer.participantId || `client:${peer.clientId}`;
    const known = byId.get(id);
    if (known) {
      known.drawing ||= peer.drawing;
      continue;
    }
    byId.set(id, { participantId: id, name: peer.name, color: peer.color, role: peer.role, drawing: peer.drawing, isMe: false });
  }
  return [...byId.values()].sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name) || (a.participantId < b.participantId ? -1 : 1));
}

/** People drawing right now, for a short line such as "Sam is drawing". */
export function drawingNow(people: readonly Person[]): Person[] {
  return people.filter((p) => p.drawing);
}

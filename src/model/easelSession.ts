/**
 * The facilitator's easel settings in `session` (written only by the facilitator; the server
 * enforces it), read leniently: `easels` (everyone gets an easel), `easelOnly` (participants start
 * new items only inside their own easel) and `projector` (what the projector shows: the whole
 * board, one easel in the spotlight, or every easel as a gallery). Settings are not undoable.
 */
import type * as Y from 'yjs';
import { Origin } from './origins';

export type ProjectorMode = 'board' | 'spotlight' | 'gallery';

/** `session.projector`: one plain value replaced whole, so mode and easel never disagree. */
export interface ProjectorState {
  mode: ProjectorMode;
  /** The spotlighted easel's id ('' unless mode is spotlight). */
  easel: string;
}

export const DEFAULT_PROJECTOR: ProjectorState = { mode: 'board', easel: '' };

export interface EaselSettings {
  easels: boolean;
  easelOnly: boolean;
  projector: ProjectorState;
}

/** Reads `session.projector` leniently: anything malformed (or a spotlight on nothing) is the whole board. */
export function parseProjector(value: unknown): ProjectorState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return DEFAULT_PROJECTOR;
  const v = value as Record<string, unknown>;
  if (v.mode === 'gallery') return { mode: 'gallery', easel: '' };
  if (v.mode === 'spotlight' && typeof v.easel === 'string' && v.easel !== '' && v.easel.length <= 64) return { mode: 'spotlight', easel: v.easel };
  return DEFAULT_PROJECTOR;
}

export function readEaselSettings(doc: Y.Doc): EaselSettings {
  const session = doc.getMap<unknown>('session');
  return { easels: session.get('easels') === true, easelOnly: session.get('easelOnly') === true, projector: parseProjector(session.get('projector')) };
}

export function sameEaselSettings(a: EaselSettings, b: EaselSettings): boolean {
  return a.easels === b.easels && a.easelOnly === b.easelOnly && a.projector.mode === b.projector.mode && a.projector.easel === b.projector.easel;
}

/** Calls `listener` when one of the easel settings changes. Returns the unsubscribe. */
export function observeEaselSettings(doc: Y.Doc, listener: (settings: EaselSettings) => void): () => void {
  const session = doc.getMap<unknown>('session');
  let last = readEaselSettings(doc);
  const onChange = () => {
    const next = readEaselSettings(doc);
    if (sameEaselSettings(next, last)) return;
    last = next;
    listener(next);
  };
  session.observe(onChange);
  return () => session.unobserve(onChange);
}

/** Turns easels on or off (facilitator). Off hides them and lifts the easel-only rule; they stay stored. */
export function setEaselsOn(doc: Y.Doc, on: boolean): void {
  const session = doc.getMap<unknown>('session');
  if (readEaselSettings(doc).easels === on) return;
  doc.transact(() => {
    session.set('easels', on);
    // A spotlight on an easel nobody sees any more would leave the projector on a blank card.
    if (!on && session.get('projector') !== undefined) session.set('projector', { ...DEFAULT_PROJECTOR });
  }, Origin.LocalUser);
}

export function setEaselOnly(doc: Y.Doc, on: boolean): void {
  if (readEaselSettings(doc).easelOnly !== on) doc.transact(() => doc.getMap<unknown>('session').set('easelOnly', on), Origin.LocalUser);
}

/** Points the projector at the whole board, one easel, or the gallery (facilitator). */
export function setProjector(doc: Y.Doc, state: ProjectorState): void {
  const next = parseProjector(state);
  const now = readEaselSettings(doc).projector;
  if (now.mode === next.mode && now.easel === next.easel) return;
  doc.transact(() => doc.getMap<unknown>('session').set('projector', { ...next }), Origin.LocalUser);
}

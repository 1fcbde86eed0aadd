/**
 * The privacy rule of the drawing phase, shared by the server (which filters what it sends) and
 * the client (which says so on screen): while `session.privateDrawing` is on and the phase is
 * "drawing", a participant's drawing reaches only its artist and the facilitator(s).
 */
import type * as Y from 'yjs';

/** Private drawing is in force with these session values (read leniently, like readSessionState). */
export function privacyInForce(privateDrawing: unknown, phase: unknown): boolean {
  return privateDrawing === true && phase !== 'reveal';
}

/** Whether private drawing is in force in this document now. */
export function drawingIsPrivate(doc: Y.Doc): boolean {
  const session = doc.getMap<unknown>('session');
  return privacyInForce(session.get('privateDrawing'), session.get('phase'));
}

/** DOM pointer events -> normalised board pointers (see editor/input.ts). */
import { screenToBoard, type Camera } from '../geometry/camera';
import { normalisePressure, type BoardPointer, type PointerKind } from '../editor/input';

function kindOf(e: PointerEvent): PointerKind {
  return e.pointerType === 'pen' || e.pointerType === 'touch' ? e.pointerType : 'mouse';
}

export function toBoardPointer(e: PointerEvent, rect: DOMRect, camera: Camera): BoardPointer {
  const kind = kindOf(e);
  const p = screenToBoard(camera, { x: e.clientX - rect.left, y: e.clientY - rect.top });
  return { x: p.x, y: p.y, pressure: normalisePressure(kind, e.pressure), kind, pointerId: e.pointerId, time: e.timeStamp };
}

/**
 * Every sample the device produced since the last event: browsers deliver one pointermove per
 * frame, but a pen or a fast mouse makes several points in that time, and ink needs them all.
 */
export function coalescedSamples(e: PointerEvent): PointerEvent[] {
  const list = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
  return list.length > 0 ? list : [e];
}

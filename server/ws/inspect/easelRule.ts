/**
 * "Participants draw only in their easel" (session `easelOnly`, with easels on), on the server: a
 * participant's new entry of `items` must start inside their own easel, grown by EASEL_SLACK. The
 * start is the item's origin as created: a stroke record's x/y, or the first `x`/`y` fields written
 * into a new item map. Moving or resizing an own item later is not restricted (the tools keep
 * people to their easel when they start something; a move is not a new drawing).
 * The client checks the press point strictly (src/editor/context.ts), so what it sends passes here.
 */
import { EASEL_SLACK, easelOf, insideEasel } from '../../../src/model/easels';
import { readEaselSettings } from '../../../src/model/easelSession';
import { decodeStrokeRecord } from '../../../src/model/strokeRecord';
import type { Easel } from '../../../src/model/schema';
import type * as Y from 'yjs';
import { readEaselFacts, type BoardFacts } from '../../rooms/atRest/boardFacts';
import type { DocView } from './docView';
import type { InspectedUpdate } from './inspectUpdate';
import { ContentRef, type WireItem } from './readUpdate';
import { forbidden } from './refusal';

const ITEMS = 'items';
export const OUTSIDE_EASEL = 'you can only draw in your own easel right now';

/**
 * The easel a participant's new items must start in, when the rule is on: their easel, or null
 * (on, but they have none yet: nothing may be created). Undefined when the rule is off.
 */
export function easelRule(easels: BoardFacts['easels'], role: string, participantId: string): Easel | null | undefined {
  if (role !== 'participant' || !easels.on || !easels.only) return undefined;
  return easelOf(easels.list, participantId) ?? null;
}

/**
 * easelRule, read from the loaded document. It runs for every update of a participant, so the
 * easels themselves are read only while the rule is on.
 */
export function easelRuleFor(doc: Y.Doc, role: string, participantId: string): Easel | null | undefined {
  if (role !== 'participant') return undefined;
  const settings = readEaselSettings(doc);
  return settings.easels && settings.easelOnly ? easelRule(readEaselFacts(doc), role, participantId) : undefined;
}

const numberValue = (item: WireItem): number | null => {
  const v = item.contentRef === ContentRef.Any && item.values?.length === 1 ? item.values[0] : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Refuses a new item that starts outside `easel` (null: no easel, nothing may be created). */
export function checkEaselRule(update: InspectedUpdate, doc: DocView, easel: Easel | null | undefined): void {
  if (easel === undefined || update.empty) return;
  const created: WireItem[] = [];
  for (const p of update.items) {
    const pl = p.placement;
    if (pl.kind !== 'root' || pl.name !== ITEMS || p.item.contentRef === ContentRef.Deleted) continue;
    if (doc.liveEntry(ITEMS, p.parentSub ?? '')) continue; // a replacement (an edit), not a new item
    created.push(p.item);
  }
  if (created.length === 0) return;
  if (easel === null) throw forbidden(OUTSIDE_EASEL);
  // First x and y written into each new map (lowest clock of its writer: the creation).
  const starts = new Map<WireItem, { x?: WireItem; y?: WireItem }>();
  for (const item of created) starts.set(item, {});
  for (const p of update.items) {
    if (p.placement.kind !== 'new' || (p.parentSub !== 'x' && p.parentSub !== 'y')) continue;
    const start = starts.get(p.placement.holder);
    if (!start) continue;
    const key = p.parentSub;
    const prev = start[key];
    if (!prev || (p.item.client === prev.client && p.item.clock < prev.clock)) start[key] = p.item;
  }
  for (const item of created) {
    let x: number | null, y: number | null;
    if (item.contentRef === ContentRef.Binary) {
      const record = decodeStrokeRecord(item.values![0] as Uint8Array); // inspectUpdate decoded it already
      x = record.x;
      y = record.y;
    } else {
      const start = starts.get(item)!;
      x = start.x ? numberValue(start.x) : null;
      y = start.y ? numberValue(start.y) : null;
    }
    if (x === null || y === null || !insideEasel(easel, x, y, EASEL_SLACK)) throw forbidden(OUTSIDE_EASEL);
  }
}

/**
 * The board at rest must decide every update as the loaded document would, or hand it over: for a
 * seeded random workshop (strokes, shapes, stickies, erasing one's own and others' work, moves,
 * text edits, undo, stale clients, the facilitator locking and allowing edits of others' work),
 * each update is checked both ways. At rest it is either refused with the same code, taken (and
 * the document takes it too), or needs the document; and the index always matches one built
 * afresh from the document.
 */
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../../bench/lib/strokes';
import * as Y from 'yjs';
import { Board, type NewStroke } from '../../../src/model/board';
import { boardPermissionContext, setSessionFlags } from '../../../src/model/session';
import type { Role } from '../../../src/protocol/roles';
import { docView, type DocView } from '../../ws/inspect/docView';
import { inspectUpdate, type InspectedUpdate } from '../../ws/inspect/inspectUpdate';
import { checkPermissions } from '../../ws/inspect/permissions';
import { DEFAULT_READ_LIMITS } from '../../ws/inspect/readUpdate';
import { Refusal } from '../../ws/inspect/refusal';
import { entryChanges } from './entryChanges';
import { indexView, NeedsDocument } from './indexView';
import { RestingBoard } from './RestingBoard';

interface Person {
  id: string;
  role: Role;
  doc: Y.Doc;
  board: Board;
}

type Outcome = 'taken' | 'needs' | number;

function decide(update: Uint8Array, view: DocView, who: Person, owners: Map<number, string>, context: ReturnType<typeof boardPermissionContext>, atRest: boolean): { outcome: Outcome; inspected?: InspectedUpdate } {
  try {
    const inspected = inspectUpdate(update, { doc: view, owners, participantId: who.id, newClientBudget: 32, limits: DEFAULT_READ_LIMITS });
    if (atRest && !entryChanges(inspected, view)) return { outcome: 'needs' };
    checkPermissions(inspected, { role: who.role, participantId: who.id, doc: view, context });
    return { outcome: 'taken', inspected };
  } catch (error) {
    if (error instanceof NeedsDocument) return { outcome: 'needs' };
    if (error instanceof Refusal) return { outcome: error.code };
    throw error;
  }
}

function stroke(r: () => number): NewStroke {
  const x = Math.round(r() * 2000);
  const y = Math.round(r() * 1000);
  return { tool: 'pen', color: '#1f2937', width: 4, points: [x, y, 0.5, x + 30, y + 20, 0.5, x + 60, y + 5, 0.5] };
}

function snapshotOf(board: RestingBoard, doc: Y.Doc): { mine: string; fresh: string } {
  const fresh = RestingBoard.of(doc, Y.encodeStateAsUpdate(doc));
  const describe = (b: RestingBoard): string => {
    const out: string[] = [];
    for (const [key, item] of doc.getMap<unknown>('items')._map) {
      if (item.deleted) continue;
      const id = { client: item.id.client, clock: item.id.clock };
      out.push(`${key}:${b.index.has(id)}:${b.index.authorOf(id)}:${b.index.mayHaveKey(key)}`);
    }
    return `${out.sort().join(',')}|${b.index.size}|${[...b.clocks].sort((x, y) => x[0] - y[0]).join(';')}`;
  };
  return { mine: describe(board), fresh: describe(fresh) };
}

describe('the board at rest decides as the document would', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: same refusals, same document, same index`, () => {
      const r = makeRng(seed);
      const server = new Y.Doc();
      const owners = new Map<number, string>();
      const people: Person[] = ['fac', 'ada', 'bo', 'cy'].map((id, k) => {
        const doc = new Y.Doc();
        doc.clientID = 1000 + k;
        owners.set(doc.clientID, id);
        return { id, role: k === 0 ? 'facilitator' : 'participant', doc, board: new Board(doc, id) };
      });
      let board = RestingBoard.of(server, Y.encodeStateAsUpdate(server));
      const counts: Record<string, number> = { taken: 0, needs: 0, refused: 0 };

      for (let step = 0; step < 400; step++) {
        const who = people[Math.floor(r() * people.length)]!;
        // Mostly up to date; sometimes stale (offline for a while).
        if (r() < 0.85) Y.applyUpdate(who.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(who.doc)));
        const before = Y.encodeStateVector(who.doc);
        const items = who.board.allItems();
        const mine = items.filter((i) => i.author === who.id);
        const pick = r();
        if (pick < 0.4) who.board.addStroke(stroke(r));
        else if (pick < 0.5) who.board.addItem({ kind: 'sticky', x: r() * 900, y: r() * 900, w: 200, h: 200, rotation: 0, text: 'hi', color: '#ffe08a' });
        else if (pick < 0.55) who.board.addItem({ kind: 'shape', shape: 'rect', x: r() * 900, y: r() * 900, w: 40, h: 40, rotation: 0, color: '#223344', width: 2, fill: 'none' });
        else if (pick < 0.72 && mine.length > 0) who.board.deleteItems([mine[Math.floor(r() * mine.length)]!.id]);
        else if (pick < 0.78 && items.length > 0) who.board.deleteItems([items[Math.floor(r() * items.length)]!.id]);
        else if (pick < 0.85 && items.length > 0) who.board.moveItems([items[Math.floor(r() * items.length)]!.id], 5, 5);
        else if (pick < 0.9) who.board.undo();
        else if (pick < 0.95 && who.role === 'facilitator') setSessionFlags(who.doc, { locked: r() < 0.3, allowEditOthers: r() < 0.5 });
        else who.board.addStroke(stroke(r));
        const update = Y.encodeStateAsUpdate(who.doc, before);

        const context = boardPermissionContext(server);
        const loaded = decide(update, docView(server), who, owners, context, false);
        const rest = decide(update, indexView(board), who, owners, context, true);
        if (rest.outcome !== 'needs') expect(rest.outcome).toBe(loaded.outcome);

        if (loaded.outcome === 'taken') {
          for (const id of loaded.inspected!.newClientIds) owners.set(id, who.id);
          if (rest.outcome === 'taken') {
            const changes = entryChanges(rest.inspected!, indexView(board))!;
            board.append(update, rest.inspected!.ends, changes, rest.inspected!.deleteRanges);
            counts.taken!++;
          } else counts.needs!++;
          Y.applyUpdate(server, update);
          // A change that needed the document: the room loads it and rests again (a fresh index).
          if (rest.outcome === 'needs') board = RestingBoard.of(server, Y.encodeStateAsUpdate(server));
        } else {
          counts.refused!++;
          // The refused client starts over from the server's state (as a refused provider must).
          const doc = new Y.Doc();
          doc.clientID = who.doc.clientID + 10 * (step + 1);
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
          who.board.destroy();
          who.doc = doc;
          who.board = new Board(doc, who.id);
        }
        const { mine: m, fresh } = snapshotOf(board, server);
        expect(m).toBe(fresh);
      }
      // The board at rest's rows hold the same document.
      const replay = new Y.Doc();
      for (const row of board.rows) Y.applyUpdate(replay, row);
      expect(replay.getMap('items').toJSON()).toEqual(server.getMap('items').toJSON());
      // The mix exercised all three ways.
      expect(counts.taken).toBeGreaterThan(100);
      expect(counts.needs).toBeGreaterThan(10);
      expect(counts.refused).toBeGreaterThan(2);
    });
  }
});

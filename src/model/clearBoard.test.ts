import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board } from './board';
import { clearBoard } from './clearBoard';
import { readEpoch } from './epoch';
import { readEasels, syncEasels } from './easels';

function boardWithWork(): Board {
  const board = new Board(new Y.Doc(), 'fac');
  syncEasels(board.doc, [{ id: 'ana-aaaaaa', name: 'Ana' }]);
  board.addStroke({ tool: 'pen', color: '#222222', width: 4, points: [10, 10, 0.5, 40, 40, 0.5] });
  board.addItem({ kind: 'shape', shape: 'rect', x: 0, y: 0, w: 50, h: 50, rotation: 0, color: '#222222', width: 2, fill: 'none' });
  const note = new Y.Map<unknown>();
  note.set('text', 'a note');
  board.doc.getMap('annotations').set('n1', note);
  return board;
}

describe('clear board', () => {
  it('deletes items and notes, keeps easels, moves the epoch on, in one transaction', () => {
    const board = boardWithWork();
    let transactions = 0;
    board.doc.on('afterTransaction', () => transactions++);
    expect(readEpoch(board.doc)).toBe(0);
    const cleared = clearBoard(board.doc, board.history);
    expect(cleared).toEqual({ items: 2, notes: 1, epoch: 1 });
    expect(transactions).toBe(1);
    expect(board.size).toBe(0);
    expect(board.doc.getMap('annotations').size).toBe(0);
    expect(readEasels(board.doc)).toHaveLength(1);
    expect(readEpoch(board.doc)).toBe(1);
    clearBoard(board.doc, board.history);
    expect(readEpoch(board.doc)).toBe(2);
  });

  it('is one undo step that brings the work back; the epoch stays', () => {
    const board = boardWithWork();
    clearBoard(board.doc, board.history);
    expect(board.undo()).toBe(true);
    expect(board.size).toBe(2);
    expect(board.doc.getMap('annotations').size).toBe(1);
    expect(readEpoch(board.doc)).toBe(1);
    expect(readEasels(board.doc)).toHaveLength(1);
  });

  it('reads a malformed epoch as 0', () => {
    const doc = new Y.Doc();
    doc.getMap('session').set('epoch', 'three');
    expect(readEpoch(doc)).toBe(0);
    doc.getMap('session').set('epoch', -2);
    expect(readEpoch(doc)).toBe(0);
  });
});

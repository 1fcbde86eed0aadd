/** The placed notes of a NoteScene, live, for React. */
import { useCallback, useSyncExternalStore } from 'react';
import type { NoteScene, PlacedNote } from '../../editor/noteScene';

const NONE: PlacedNote[] = [];

export function useNotes(notes: NoteScene | null): PlacedNote[] {
  const subscribe = useCallback((cb: () => void) => (notes ? notes.subscribe(cb) : () => {}), [notes]);
  return useSyncExternalStore(subscribe, () => (notes ? notes.notes() : NONE));
}

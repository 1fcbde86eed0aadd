/** First-sight help on an empty board; it never blocks the pointer. */
export function EmptyHint({ canDraw }: { canDraw: boolean }) {
  return (
    <div className="hint" aria-hidden="true">
      <strong>{canDraw ? 'Draw anywhere' : 'Waiting for drawings'}</strong>
      {canDraw ? 'Pick a colour below, then draw with your mouse, pen or finger.' : 'Ink appears here as people draw.'}
    </div>
  );
}

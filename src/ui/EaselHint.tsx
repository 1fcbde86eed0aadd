/** A calm, short-lived line saying why a press drew nothing (outside my easel). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Store } from '../editor/store';

const SHOW_MS = 6000;

export function EaselHint({ hint }: { hint: Store<{ text: string; n: number } | null> }) {
  const current = useSyncExternalStore(hint.subscribe, hint.get);
  const [hidden, setHidden] = useState<number>(0);
  useEffect(() => {
    if (!current) return;
    const id = setTimeout(() => setHidden(current.n), SHOW_MS);
    return () => clearTimeout(id);
  }, [current]);
  if (!current || hidden === current.n) return null;
  return (
    <div className="floating notice easel-hint" data-tone="info" role="status">
      <span>{current.text}</span>
    </div>
  );
}

import { useEffect, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/** The window's inner size, updated on resize (the board always fills the window). */
export function useViewportSize(): Size {
  const [size, setSize] = useState<Size>(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

/** An element's height in CSS px (rounded up), kept current with a ResizeObserver; 0 without one. */
import { useCallback, useEffect, useState } from 'react';

export function useMeasuredHeight<E extends HTMLElement>(): [height: number, ref: (el: E | null) => void] {
  const [height, setHeight] = useState(0);
  const [el, setEl] = useState<E | null>(null);
  const ref = useCallback((node: E | null) => setEl(node), []);
  useEffect(() => {
    if (!el) return setHeight(0);
    const measure = () => setHeight(Math.ceil(el.getBoundingClientRect().height));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [height, ref];
}

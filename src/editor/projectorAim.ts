/**
 * Where the facilitator aims the projector (`session.projector`), as a box to fit: the spotlighted
 * easel, every easel (gallery), or the whole board (the drawing, with the easels counted in). Pure.
 */
import type { Box } from '../geometry/box';
import { easelBox, easelsBounds } from '../model/easels';
import type { EaselSettings } from '../model/easelSession';
import type { Easel } from '../model/schema';

export interface ProjectorAim {
  /** Changes when the aim changes (glide there at once). */
  key: string;
  /** The box to show; null on the whole board without easels (the drawing alone decides). */
  box: Box | null;
  /** Fit `box` exactly and ignore the drawing (spotlight, gallery); else the box joins the drawing. */
  fixed: boolean;
  /** What the caption says. */
  caption: { mode: 'spotlight'; name: string } | { mode: 'gallery'; count: number } | null;
  /** The spotlighted easel (its ink past the edge widens `box`: spotlightRegion.ts). */
  easel?: Easel;
}

export function projectorAim(settings: EaselSettings, easels: readonly Easel[]): ProjectorAim {
  if (!settings.easels) return { key: 'board', box: null, fixed: false, caption: null };
  const { mode, easel } = settings.projector;
  const lit = mode === 'spotlight' ? easels.find((e) => e.id === easel) : undefined;
  if (lit) return { key: `spotlight:${lit.id}`, box: easelBox(lit), fixed: true, caption: { mode: 'spotlight', name: lit.name }, easel: lit };
  if (mode === 'gallery' && easels.length > 0) return { key: 'gallery', box: easelsBounds(easels), fixed: true, caption: { mode: 'gallery', count: easels.length } };
  // A spotlight on an easel that is gone, or a gallery of none: the whole board.
  return { key: 'board', box: easelsBounds(easels), fixed: false, caption: null };
}

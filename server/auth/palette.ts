/**
 * Participant colours: eight hues from the Okabe-Ito and Tol palettes, which stay distinct for
 * the common colour-vision deficiencies; yellow is left out because it washes out on projectors.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#882255', '#332288'] as const;

/** The least used colour of a board (ties: palette order, so the first joiners get distinct hues). */
export function pickColor(counts: ReadonlyMap<string, number>): string {
  let best: string = PALETTE[0];
  let bestCount = Infinity;
  for (const color of PALETTE) {
    const n = counts.get(color) ?? 0;
    if (n < bestCount) {
      best = color;
      bestCount = n;
    }
  }
  return best;
}

/**
 * How the prompt sits in the projector's header (CSS px at 1920x1080): as big as its length allows,
 * never below 40 px (legible from 10 metres). A short prompt shares the row with the timer and the
 * join code; a long one gets the whole first row (`wide`), with the timer and the code below it.
 */
export interface PromptLayout {
  fontSize: number;
  wide: boolean;
  /** Lines shown before an ellipsis. */
  lines: number;
}

export function promptLayout(prompt: string, joinShown: boolean): PromptLayout {
  const n = [...prompt.trim()].length;
  // Beside the join code the prompt has ~700 px; beside the timer alone ~1300 px.
  const narrow = joinShown ? 60 : 110;
  if (n <= narrow) {
    const short = joinShown ? 24 : 40;
    return { fontSize: n <= short ? 68 : 56, wide: false, lines: 3 };
  }
  // The whole width (~1820 px): about 60 characters a line at 56 px, 80 at 40 px.
  if (n <= 150) return { fontSize: 56, wide: true, lines: 3 };
  if (n <= 230) return { fontSize: 46, wide: true, lines: 3 };
  return { fontSize: 40, wide: true, lines: 4 };
}

/**
 * In a gallery the drawings need the height: the prompt takes one line beside a smaller join
 * block, at most 48 px (still legible from the back of the room).
 */
export function compactPromptLayout(prompt: string, joinShown: boolean): PromptLayout {
  return { fontSize: Math.min(promptLayout(prompt, joinShown).fontSize, 48), wide: false, lines: 1 };
}

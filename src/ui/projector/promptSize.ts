/**
 * The prompt's font size on the projector (CSS px at 1920x1080): as big as the length allows within
 * about three lines of the header, never below 40 px (legible from 10 metres).
 */
export function promptFontSize(prompt: string, roomy: boolean): number {
  const n = [...prompt.trim()].length;
  // With the join code hidden the prompt has about half as much room again per line.
  const scale = roomy ? 1.5 : 1;
  if (n <= 40 * scale) return 68;
  if (n <= 80 * scale) return 56;
  if (n <= 130 * scale) return 46;
  return 40;
}

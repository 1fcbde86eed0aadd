/**
 * Colours, widths and sizes offered to people. The ink colours are a projector- and
 * colour-blind-friendly set (after Okabe-Ito, darkened so they hold on a warm off-white board under
 * a washed-out beamer). Sticky notes use light paper colours that keep dark text readable.
 */
export interface InkColour {
  name: string;
  value: string;
}

export const INK_COLOURS: readonly InkColour[] = [
  { name: 'Black', value: '#1f2328' },
  { name: 'Blue', value: '#0a64c2' },
  { name: 'Orange', value: '#e07000' },
  { name: 'Green', value: '#138a5b' },
  { name: 'Red', value: '#c8312f' },
  { name: 'Purple', value: '#7d3fb8' },
  { name: 'Teal', value: '#0d8ca3' },
  { name: 'Brown', value: '#a4710a' },
];

export interface InkWidth {
  name: 'Thin' | 'Medium' | 'Thick';
  /** Stroke diameter in board px. */
  value: number;
}

export const INK_WIDTHS: readonly InkWidth[] = [
  { name: 'Thin', value: 3 },
  { name: 'Medium', value: 6 },
  { name: 'Thick', value: 12 },
];

/** The highlighter is a broad marker: wide enough to sit under handwriting. */
export const HIGHLIGHTER_WIDTHS: readonly InkWidth[] = [
  { name: 'Thin', value: 12 },
  { name: 'Medium', value: 22 },
  { name: 'Thick', value: 36 },
];

export const STICKY_COLOURS: readonly InkColour[] = [
  { name: 'Yellow', value: '#fde68a' },
  { name: 'Orange', value: '#fdc98f' },
  { name: 'Pink', value: '#f9b8cf' },
  { name: 'Green', value: '#b9e3a8' },
  { name: 'Blue', value: '#aed4f7' },
  { name: 'Purple', value: '#d6c6f2' },
];

export const FILL_OPTIONS = [
  { name: 'No fill', value: 'none' },
  { name: 'Light fill', value: 'semi' },
  { name: 'Solid fill', value: 'solid' },
] as const;

export const TEXT_SIZE_OPTIONS = [
  { name: 'Small', value: 's' },
  { name: 'Medium', value: 'm' },
  { name: 'Large', value: 'l' },
] as const;

/** Widths offered for a kind of ink. */
export function widthsFor(tool: string): readonly InkWidth[] {
  return tool === 'highlighter' ? HIGHLIGHTER_WIDTHS : INK_WIDTHS;
}

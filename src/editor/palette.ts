/**
 * Ink colours and widths offered to people. The colours are a projector- and colour-blind-friendly
 * set (after Okabe-Ito, darkened so they hold on a warm off-white board under a washed-out beamer).
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

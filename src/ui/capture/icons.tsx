/** Icons of the capture buttons and dialog: 24 px line drawings in the current colour, like the toolbar's. */
import type { ReactNode } from 'react';

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export const CaptureIcons = {
  image: (
    <Svg>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
      <circle cx="15.5" cy="9.5" r="1.6" />
      <path d="M4 17l5-5.2 4 4 2.2-2.2L20 18" />
    </Svg>
  ),
  camera: (
    <Svg>
      <path d="M4.5 8.5a2 2 0 012-2h1.8l1.4-2h4.6l1.4 2h1.8a2 2 0 012 2v9a2 2 0 01-2 2h-11a2 2 0 01-2-2z" />
      <circle cx="12" cy="12.8" r="3.4" />
    </Svg>
  ),
  rotateLeft: (
    <Svg>
      <path d="M4.5 9.5A8 8 0 1112 20" />
      <path d="M4 4.5v5h5" />
    </Svg>
  ),
  rotateRight: (
    <Svg>
      <path d="M19.5 9.5A8 8 0 1012 20" />
      <path d="M20 4.5v5h-5" />
    </Svg>
  ),
  crop: (
    <Svg>
      <path d="M6.5 2.5v14a1 1 0 001 1h14" />
      <path d="M2.5 6.5h14a1 1 0 011 1v14" />
    </Svg>
  ),
};

/** Tool and command icons: 24 px line drawings in the current colour. */
import type { ReactNode } from 'react';

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export const Icons = {
  select: (
    <Svg>
      <path d="M5 3.5l13 6.2-5.6 1.7-2.1 5.6z" />
      <path d="M12.4 11.4l5.1 5.1" />
    </Svg>
  ),
  hand: (
    <Svg>
      <path d="M8 12.5V6a1.5 1.5 0 013 0v5M11 10.5V4.5a1.5 1.5 0 013 0v6M14 10.5V6a1.5 1.5 0 013 0v7.5a6.5 6.5 0 01-6.5 6.5h-.3a6 6 0 01-4.8-2.4L3.6 14.4a1.6 1.6 0 012.5-2l1.9 2" />
    </Svg>
  ),
  pen: (
    <Svg>
      <path d="M4 20l1.2-4.4L15.6 5.2a2.1 2.1 0 013 0l.2.2a2.1 2.1 0 010 3L8.4 18.8z" />
      <path d="M13.8 7l3.2 3.2" />
    </Svg>
  ),
  highlighter: (
    <Svg>
      <path d="M9 15l-2.5 2.5v2.5h4.5L13 18" />
      <path d="M9 15l8.6-8.6a2 2 0 012.8 0l.2.2a2 2 0 010 2.8L12 18z" />
      <path d="M3 21h6" strokeWidth="3" opacity="0.45" />
    </Svg>
  ),
  eraser: (
    <Svg>
      <path d="M8.5 20H20M5.4 15.4l9.2-9.2a2 2 0 012.8 0l2.4 2.4a2 2 0 010 2.8L11.3 20H8.6l-3.2-3.2a1 1 0 010-1.4z" />
      <path d="M9.5 11.3l4.7 4.7" />
    </Svg>
  ),
  laser: (
    <Svg>
      <path d="M3.5 20.5l8-8" opacity="0.5" />
      <circle cx="15" cy="9" r="2.6" fill="currentColor" />
      <path d="M15 3v1.6M15 13.4V15M9 9h1.6M19.4 9H21M10.8 4.8l1.1 1.1M18.1 12.1l1.1 1.1M19.2 4.8l-1.1 1.1" />
    </Svg>
  ),
  line: (
    <Svg>
      <path d="M5 19L19 5" />
    </Svg>
  ),
  arrow: (
    <Svg>
      <path d="M5 19L19 5M10 5h9v9" />
    </Svg>
  ),
  rect: (
    <Svg>
      <rect x="4" y="6" width="16" height="12" rx="1.5" />
    </Svg>
  ),
  ellipse: (
    <Svg>
      <ellipse cx="12" cy="12" rx="8.5" ry="6.5" />
    </Svg>
  ),
  text: (
    <Svg>
      <path d="M5 6.5V5h14v1.5M12 5v14M9.5 19h5" />
    </Svg>
  ),
  sticky: (
    <Svg>
      <path d="M5 4.5h14v9.5L14 19H5z" />
      <path d="M14 19v-5h5" />
    </Svg>
  ),
  // A dashed region with a numbered pin: a note pinned to part of a drawing.
  annotate: (
    <Svg>
      <path d="M3.5 8.5v-3h3M11 5.5h2.5M3.5 12.5v2.5M3.5 18.5v-0.5h3M10.5 18.5h2" strokeDasharray="0" />
      <circle cx="17" cy="15" r="4.5" />
      <path d="M16.2 13.4l1-0.8v5" />
    </Svg>
  ),
  undo: (
    <Svg>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 010 11H11" />
    </Svg>
  ),
  redo: (
    <Svg>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 000 11H13" />
    </Svg>
  ),
  zoomIn: (
    <Svg>
      <path d="M12 5v14M5 12h14" />
    </Svg>
  ),
  zoomOut: (
    <Svg>
      <path d="M5 12h14" />
    </Svg>
  ),
  fit: (
    <Svg>
      <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
    </Svg>
  ),
  keyboard: (
    <Svg>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M9.5 10h.01M13 10h.01M16.5 10h.01M7.5 14h9" />
    </Svg>
  ),
  close: (
    <Svg>
      <path d="M6 6l12 12M18 6L6 18" />
    </Svg>
  ),
  fillNone: (
    <Svg>
      <rect x="5" y="5" width="14" height="14" rx="2" />
    </Svg>
  ),
  fillSemi: (
    <Svg>
      <rect x="5" y="5" width="14" height="14" rx="2" fill="currentColor" fillOpacity="0.25" />
    </Svg>
  ),
  fillSolid: (
    <Svg>
      <rect x="5" y="5" width="14" height="14" rx="2" fill="currentColor" />
    </Svg>
  ),
} as const;

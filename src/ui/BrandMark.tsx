/** The Sketchroom mark: a rounded square with a stroke of ink. Decorative (aria-hidden). */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="1" y="1" width="30" height="30" rx="9" fill="#0a64c2" />
      <path d="M8 20c3-7 6-9 8-6s4 3 8-4" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

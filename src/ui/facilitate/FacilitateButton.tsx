/** Top-bar button (facilitator only): opens the facilitator panel. */
export function FacilitateButton({ expanded, onClick }: { expanded: boolean; onClick(): void }) {
  return (
    <button type="button" className="bar-button" aria-haspopup="dialog" aria-expanded={expanded} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
        <circle cx="15" cy="6" r="2" />
        <circle cx="9" cy="12" r="2" />
        <circle cx="17" cy="18" r="2" />
      </svg>
      Facilitate
    </button>
  );
}

/** Top-bar button: opens the Export dialog. */
export function ExportButton({ expanded, onClick }: { expanded: boolean; onClick(): void }) {
  return (
    <button type="button" className="bar-button" aria-haspopup="dialog" aria-expanded={expanded} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 4v11M7 10l5 5 5-5M5 19h14" />
      </svg>
      Export
    </button>
  );
}

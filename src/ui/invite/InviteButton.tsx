/** Top-bar button (facilitator): opens the Invite panel. */
export function InviteButton({ expanded, onClick }: { expanded: boolean; onClick(): void }) {
  return (
    <button type="button" className="bar-button" data-tone="accent" aria-haspopup="dialog" aria-expanded={expanded} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="10" cy="8" r="3.4" />
        <path d="M3.5 19.5c.6-3.4 3-5.3 6.5-5.3 1.3 0 2.4.3 3.4.8M18 13v7M14.5 16.5h7" />
      </svg>
      Invite
    </button>
  );
}

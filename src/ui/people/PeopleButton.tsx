/** Top-bar button: how many people are here; opens the People panel. */
export function PeopleButton({ count, expanded, onClick }: { count: number; expanded: boolean; onClick(): void }) {
  return (
    <button type="button" className="bar-button" aria-haspopup="dialog" aria-expanded={expanded} onClick={onClick}>
      <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="9" cy="8" r="3.2" />
        <path d="M3.5 19c.6-3.2 2.8-5 5.5-5s4.9 1.8 5.5 5" />
        <path d="M15.5 5.2a3 3 0 010 5.6M17.5 14.3c1.7.6 2.8 2.2 3.1 4.7" />
      </svg>
      People
      <span className="bar-count">{count}</span>
    </button>
  );
}

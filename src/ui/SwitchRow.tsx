/** A labelled on/off switch: one fixed name ("Lock drawing, on") reads better than a button whose name flips. */
export function SwitchRow({ id, label, checked, disabled, onChange }: { id: string; label: string; checked: boolean; disabled?: boolean; onChange(on: boolean): void }) {
  return (
    <div className="switch-row">
      <span id={id}>{label}</span>
      <button type="button" className="switch" role="switch" aria-checked={checked} aria-labelledby={id} disabled={disabled} onClick={() => onChange(!checked)}>
        <span className="switch-knob" aria-hidden="true" />
      </button>
    </div>
  );
}

/**
 * The Export dialog: what to save (picture, all easels, handout, board file), which part, how
 * big, on what background, with what margin, with or without the notes; then a progress bar with
 * Cancel while it runs, and the download. The work itself is the exporter's (src/export/).
 */
import { useEffect, useRef, useState } from 'react';
import { download } from './download';
import { FORMAT_LABELS, type ExportChoices, type ExportFormat, type Exporter, type ExportRequest } from './types';
import './export.css';

interface Props {
  exporter: Exporter;
  onClose(): void;
}

type Run = { state: 'idle' } | { state: 'running'; fraction: number; step: string } | { state: 'done'; text: string } | { state: 'failed'; text: string };

const SCALES = [
  { value: 1, label: '1x' },
  { value: 2, label: '2x' },
  { value: 3, label: '3x' },
] as const;

/** "0.74x", "1.5x": rounded down, so it never says more than it will be. */
function formatScale(k: number): string {
  return `${Number((Math.floor(k * 100) / 100).toFixed(2))}x`;
}

/**
 * The scale a picture will really be saved at when that is smaller than asked (the browser cannot
 * hold a canvas that big), worked out as the choices change; null when it is saved as asked.
 */
function usePlannedScale(exporter: Exporter, request: ExportRequest | null): number | null {
  const [shrunk, setShrunk] = useState<{ key: string; scale: number } | null>(null);
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!key || !exporter.plannedScale) return;
    const req = JSON.parse(key) as ExportRequest;
    const controller = new AbortController();
    exporter
      .plannedScale(req, controller.signal)
      .then((k) => {
        if (!controller.signal.aborted) setShrunk(k !== null && k < req.scale - 1e-6 ? { key, scale: k } : null);
      })
      .catch(() => {});
    return () => controller.abort();
  }, [exporter, key]);
  return shrunk && shrunk.key === key ? shrunk.scale : null;
}

export function ExportDialog({ exporter, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choices] = useState<ExportChoices>(() => exporter.choices());
  const [format, setFormat] = useState<ExportFormat>(choices.formats[0] ?? 'png');
  const [scope, setScope] = useState(choices.defaultScope);
  const [scale, setScale] = useState<1 | 2 | 3>(2);
  const [background, setBackground] = useState<'white' | 'transparent'>('white');
  const [padding, setPadding] = useState('24');
  const [notes, setNotes] = useState(true);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      abort.current?.abort();
      dialog?.close();
    };
  }, []);

  const busy = run.state === 'running';
  const image = format === 'png' || format === 'zip';
  const nothing = format === 'png' && choices.scopes.length === 0;
  const pad = Math.max(0, Math.min(400, Math.round(Number(padding) || 0)));
  const shrunk = usePlannedScale(exporter, format === 'png' && !nothing ? { format, scope, scale, background, padding: pad, notes } : null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const request: ExportRequest = { format, scope, scale, background: format === 'pdf' ? 'white' : background, padding: pad, notes };
    setRun({ state: 'running', fraction: 0, step: 'Starting' });
    try {
      const out = await exporter.run(request, (fraction, step) => setRun({ state: 'running', fraction, step }), controller.signal);
      download(out.blob, out.fileName);
      setRun({ state: 'done', text: out.note ? `Saved ${out.fileName}. ${out.note}` : `Saved ${out.fileName}.` });
    } catch (e) {
      if (controller.signal.aborted) setRun({ state: 'idle' });
      else setRun({ state: 'failed', text: e instanceof Error ? e.message : 'The export did not work. Please try again.' });
    } finally {
      abort.current = null;
    }
  };

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      onCancel={(e) => {
        e.preventDefault();
        if (busy) abort.current?.abort();
        else onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void start();
        }}
      >
        <div className="panel-head">
          <h2 id="export-title">Export</h2>
          <button type="button" className="panel-close" aria-label="Close" onClick={onClose} disabled={busy}>
            ×
          </button>
        </div>
        <fieldset className="export-group" disabled={busy}>
          <legend>What to save</legend>
          <div className="export-formats">
            {choices.formats.map((f) => (
              <label key={f} className="export-format">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                <span>
                  <strong>{FORMAT_LABELS[f].label}</strong>
                  <small>{f === 'zip' && choices.hideNames ? 'One picture per easel, numbered: names are hidden.' : FORMAT_LABELS[f].hint}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="export-group" disabled={busy}>
          <legend className="visually-hidden">Options</legend>
          {format === 'png' && (
            <div className="export-row">
              <label htmlFor="export-scope">Which part</label>
              <select id="export-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
                {choices.scopes.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {format !== 'board' && (
            <div className="export-row" role="radiogroup" aria-label="Size">
              <span className="export-row-label" aria-hidden="true">
                Size
              </span>
              <div className="export-choices">
                {SCALES.map((s) => (
                  <label key={s.value} className="export-choice">
                    <input type="radio" name="scale" checked={scale === s.value} onChange={() => setScale(s.value)} aria-label={`Size ${s.label}`} />
                    <span>{s.label}</span>
                  </label>
                ))}
              </div>
            </div>
          )}
          {format === 'png' && shrunk !== null && (
            <p className="export-warning" role="status">
              {scope === 'board' ? 'This board is very large' : 'This is very large'}: it will be saved at {formatScale(shrunk)} instead of {scale}x.
            </p>
          )}
          {image && (
            <>
              <div className="export-row" role="radiogroup" aria-label="Background">
                <span className="export-row-label" aria-hidden="true">
                  Background
                </span>
                <div className="export-choices">
                  {(['white', 'transparent'] as const).map((b) => (
                    <label key={b} className="export-choice">
                      <input type="radio" name="background" checked={background === b} onChange={() => setBackground(b)} aria-label={b === 'white' ? 'White background' : 'Transparent background'} />
                      <span>{b === 'white' ? 'White' : 'Transparent'}</span>
                    </label>
                  ))}
                </div>
              </div>
              <div className="export-row">
                <label htmlFor="export-padding">Margin (px)</label>
                <input id="export-padding" type="number" min={0} max={400} step={4} inputMode="numeric" value={padding} onChange={(e) => setPadding(e.target.value)} />
              </div>
            </>
          )}
          {format !== 'board' && choices.hasNotes && (
            <label className="fac-check">
              <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />
              Include notes {format === 'pdf' ? '(numbers on the drawings)' : '(numbers and a list of what was said)'}
            </label>
          )}
        </fieldset>
        {nothing && <p className="panel-muted">Select something on the board, or draw on your easel, to export it.</p>}
        <div className="export-status" aria-live="polite">
          {run.state === 'running' && (
            <>
              <progress max={1} value={run.fraction} aria-label="Export progress" />
              <span>{run.step}…</span>
            </>
          )}
          {run.state === 'done' && <span className="export-done">{run.text}</span>}
          {run.state === 'failed' && (
            <span className="form-error" role="alert">
              {run.text}
            </span>
          )}
        </div>
        <div className="panel-row export-actions">
          {busy ? (
            <button type="button" className="panel-button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : (
            <>
              <button type="button" className="panel-button" onClick={onClose}>
                Close
              </button>
              <button type="submit" className="panel-button primary-ish" disabled={nothing}>
                {format === 'board' ? 'Save board file' : 'Export'}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}

/** Result rows and the compact table every bench prints. */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** Target as text (e.g. "<= 500"), empty when the row is informational. */
  target?: string;
  /** Pass when true; undefined for informational rows. */
  pass?: boolean;
  baseline?: number;
  baselineLabel?: string;
  /** value / baseline, or the median of paired ratios when measured ABAB. */
  ratio?: number;
  note?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  rows: Row[];
  /** Busy % of all CPUs during the bench (includes the bench itself). */
  machineBusyPercent: number;
  /** Busy % over a short sleep just before the bench: load from others. */
  otherLoadPercent: number;
  seconds: number;
  extra?: Record<string, unknown>;
}

export function fmt(v: number | undefined, unit = ''): string {
  if (v === undefined || Number.isNaN(v)) return '-';
  const a = Math.abs(v);
  const s = a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toFixed(3);
  return unit ? `${s} ${unit}` : s;
}

export function le(value: number, limit: number): boolean {
  return Number.isFinite(value) && value <= limit;
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

export function renderTable(result: BenchResult): string {
  const head = ['figure', 'value', 'target', 'baseline', 'ratio', 'result'];
  const body = result.rows.map((r) => [
    r.figure,
    fmt(r.value, r.unit),
    r.target ?? '',
    r.baseline === undefined ? '' : `${fmt(r.baseline, r.unit)}${r.baselineLabel ? ` (${r.baselineLabel})` : ''}`,
    r.ratio === undefined ? '' : `${fmt(r.ratio)}x`,
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, i === 1 || i === 4)).join('  ').trimEnd();
  const out = [
    `== ${result.title}  (${result.seconds.toFixed(1)} s; machine busy ${fmt(result.machineBusyPercent)} % during, ${fmt(result.otherLoadPercent)} % before start)`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ];
  const notes = result.rows.filter((r) => r.note).map((r) => `  * ${r.figure}: ${r.note}`);
  return [...out, ...notes].join('\n');
}

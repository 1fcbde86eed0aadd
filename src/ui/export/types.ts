/**
 * What the Export dialog asks for and what it is given (the app wires the exporter in: the UI
 * never imports export/ itself).
 */
export type ExportFormat = 'png' | 'zip' | 'pdf' | 'board';

export interface ExportRequest {
  format: ExportFormat;
  /** For a PNG: "board", "selection" or "easel:<id>". */
  scope: string;
  scale: 1 | 2 | 3;
  background: 'white' | 'transparent';
  /** Margin around the drawing, board px. */
  padding: number;
  notes: boolean;
}

export interface ScopeChoice {
  value: string;
  label: string;
}

export interface ExportChoices {
  formats: ExportFormat[];
  scopes: ScopeChoice[];
  /** Scope chosen first (the selection when there is one). */
  defaultScope: string;
  /** The board has notes worth including. */
  hasNotes: boolean;
  /** The facilitator hid names in exports ("anonymous", numbered files). */
  hideNames?: boolean;
}

export interface ExportOutcome {
  blob: Blob;
  fileName: string;
  /** Plain words shown after the download, e.g. a smaller scale than asked. */
  note?: string;
}

export interface Exporter {
  /** What this person may export now (read when the dialog opens). */
  choices(): ExportChoices;
  run(request: ExportRequest, onProgress: (fraction: number, step: string) => void, signal: AbortSignal): Promise<ExportOutcome>;
  /**
   * The scale a picture (format png) will really be saved at: smaller than asked when it would be
   * too big for the browser. Null when unknown (e.g. nothing to export).
   */
  plannedScale?(request: ExportRequest, signal: AbortSignal): Promise<number | null>;
}

export const FORMAT_LABELS: Record<ExportFormat, { label: string; hint: string }> = {
  png: { label: 'Picture (PNG)', hint: 'One image of the board, an easel or what you selected.' },
  zip: { label: 'All easels (ZIP)', hint: 'One picture per easel, named after the artist.' },
  pdf: { label: 'Handout (PDF)', hint: 'A cover, then one page per easel with its notes.' },
  board: { label: 'Board file', hint: 'Everything on the board, to open again later as a new board.' },
};

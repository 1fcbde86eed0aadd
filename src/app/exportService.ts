/**
 * Wires the Export dialog to the exporter (src/export/): reads the board from the document when a
 * run starts, loads the text fonts first, fetches pictures from the server's blob store, and
 * decides who may export what (the facilitator anything; a participant their own easel or their
 * selection).
 */
import { decodePicture, loadImageBytes } from '../canvas/images/imageCache';
import { canvasMeasure } from '../canvas/inkIndex';
import { fontOf } from '../canvas/scene/textLayout';
import type { Editor } from '../editor/editor';
import type { ExportDeps, Scope } from '../export/png';
import { readEasels } from '../model/easels';
import { readHideNames } from '../model/session';
import type { Board } from '../model/board';
import type { Box } from '../geometry/box';
import { IMAGE_TYPES, TEXT_FONT_PX, type Easel, type ImageType } from '../model/schema';
import type { ExportChoices, Exporter, ExportFormat, ExportRequest, ScopeChoice } from '../ui/export/types';
import { api } from './api';
import type { Identity } from './identity';

export interface ExportContext {
  boardId: string;
  identity: Identity;
  board: () => Board | null;
  editor: Editor;
}

/** A picture's stored bytes and type, from the server. */
export async function fetchBlob(boardId: string, hash: string): Promise<{ bytes: Uint8Array; mime: ImageType }> {
  const blob = await loadImageBytes(boardId, hash);
  const type = blob.type.split(';')[0]!.trim();
  const mime = (IMAGE_TYPES as readonly string[]).includes(type) ? (type as ImageType) : 'image/png';
  return { bytes: new Uint8Array(await blob.arrayBuffer()), mime };
}

/** Text fonts ready before anything is measured or drawn (a late web font would draw as a fallback). */
async function loadFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sizes = new Set<number>([...Object.values(TEXT_FONT_PX), 15, 16]);
  await Promise.all([...sizes].map((px) => document.fonts.load(fontOf(px)).catch(() => [])));
  await document.fonts.ready;
}

const scopeOf = (value: string): Scope =>
  value === 'board' ? { kind: 'board' } : value === 'selection' ? { kind: 'selection', ids: [] } : { kind: 'easel', id: value.slice('easel:'.length) };

/**
 * Who may export what (the UI offers only this; checked again here): the facilitator anything; a
 * participant a picture of their own easel or of their selection. Nobody else's easel, not the
 * whole board (during private drawing it would show what they may not see), no handout or file.
 */
export function refuseUnlessAllowed(request: ExportRequest, facilitator: boolean, participantId: string, easels: readonly Easel[]): void {
  if (facilitator) return;
  if (request.format !== 'png') throw new Error('Only the facilitator can make this export.');
  const scope = scopeOf(request.scope);
  if (scope.kind === 'board') throw new Error('Only the facilitator can export the whole board.');
  if (scope.kind === 'easel' && !easels.some((e) => e.id === scope.id && e.owner === participantId)) throw new Error('You can export your own easel.');
}

export function createExporter(ctx: ExportContext): Exporter {
  const { identity, boardId } = ctx;
  const facilitator = identity.role === 'facilitator';
  // The regions of the scopes asked about while the dialog is open (the board's takes a moment to
  // work out); forgotten when it opens again.
  let regions = new Map<string, Promise<Box>>();
  return {
    choices(): ExportChoices {
      regions = new Map();
      const board = ctx.board();
      const easels = board ? readEasels(board.doc) : [];
      const selection = ctx.editor.selection;
      const scopes: ScopeChoice[] = [];
      if (facilitator) scopes.push({ value: 'board', label: 'The whole board' });
      if (selection.length) scopes.push({ value: 'selection', label: selection.length === 1 ? 'What I selected (1 item)' : `What I selected (${selection.length} items)` });
      for (const e of easels) {
        if (facilitator || e.owner === identity.participantId) scopes.push({ value: `easel:${e.id}`, label: e.owner === identity.participantId ? `My easel (${e.name})` : `Easel: ${e.name}` });
      }
      const formats: ExportFormat[] = facilitator ? (easels.length ? ['png', 'zip', 'pdf', 'board'] : ['png', 'board']) : ['png'];
      const hasNotes = !!board && board.doc.getMap('annotations').size > 0;
      return { formats, scopes, defaultScope: selection.length ? 'selection' : (scopes[0]?.value ?? 'board'), hasNotes, hideNames: !!board && readHideNames(board.doc) };
    },

    async plannedScale(request: ExportRequest, signal: AbortSignal) {
      const board = ctx.board();
      if (!board || request.format !== 'png' || (request.scope === 'selection' && ctx.editor.selection.length === 0)) return null;
      const [{ planPng, scopeRegion }, { readSource }] = await Promise.all([import('../export/png'), import('../export/source')]);
      await loadFonts();
      const measure = canvasMeasure();
      const deps: ExportDeps = { source: readSource(board, measure), measure };
      let scope = scopeOf(request.scope);
      if (scope.kind === 'selection') scope = { kind: 'selection', ids: ctx.editor.selection };
      const key = scope.kind === 'selection' ? `selection:${scope.ids.join(',')}` : request.scope;
      let region = regions.get(key);
      if (!region) {
        region = scopeRegion(deps, scope);
        regions.set(key, region);
        region.catch(() => regions.delete(key));
      }
      const box = await region.catch(() => null);
      if (!box || signal.aborted) return null;
      return planPng(deps, box, { scale: request.scale, background: request.background, padding: request.padding, notes: request.notes }).scale;
    },

    async run(request: ExportRequest, onProgress, signal) {
      const board = ctx.board();
      if (!board) throw new Error('The board is still loading. Try again in a moment.');
      refuseUnlessAllowed(request, facilitator, identity.participantId, readEasels(board.doc));
      // The exporter (and pdf-lib, fflate) load when someone exports, not with the board.
      const [{ serializeBoard, BOARD_FILE_EXTENSION }, { boardFileStem }, { exportPng }, { Slicer }, { readSource }] = await Promise.all([
        import('../export/boardFile'),
        import('../export/names'),
        import('../export/png'),
        import('../export/slicer'),
        import('../export/source'),
      ]);
      const job = { signal, onProgress };
      const stem = boardFileStem(board.getMeta().title);
      if (request.format === 'board') {
        const file = await serializeBoard(board.doc, (hash) => fetchBlob(boardId, hash), new Slicer(signal), (f) => onProgress(f, 'Adding pictures'));
        return { blob: new Blob([JSON.stringify(file)], { type: 'application/json' }), fileName: `${stem}${BOARD_FILE_EXTENSION}` };
      }
      await loadFonts();
      signal.throwIfAborted();
      const measure = canvasMeasure();
      let participantCount: number | undefined;
      if (request.format === 'pdf') {
        const list = await api.participants(boardId, identity.token).catch(() => null);
        if (list) participantCount = list.participants.filter((p) => p.role === 'participant').length;
      }
      const source = readSource(board, measure, { participantCount, hideNames: readHideNames(board.doc) });
      const deps: ExportDeps = {
        source,
        measure,
        // The stored bytes (the browser's HTTP cache has them once the board showed them), decoded
        // at up to 2048 px on the long side: sharp at 3x for a picture up to ~680 board px wide.
        loadImage: async (item, sig) => decodePicture(await loadImageBytes(boardId, item.blob, { signal: sig })),
      };
      const opts = { scale: request.scale, background: request.background, padding: request.padding, notes: request.notes };
      if (request.format === 'png') {
        let scope = scopeOf(request.scope);
        if (scope.kind === 'selection') scope = { kind: 'selection', ids: ctx.editor.selection };
        const out = await exportPng(deps, scope, opts, job);
        const note = out.scale !== undefined && out.scale < request.scale - 1e-6 ? `It was too big at ${request.scale}x, so it was saved at ${out.scale.toFixed(1)}x.` : undefined;
        return { blob: out.blob, fileName: out.fileName, note };
      }
      if (request.format === 'zip') return (await import('../export/zip')).exportEaselsZip(deps, opts, job);
      const { exportHandoutPdf } = await import('../export/pdf');
      return exportHandoutPdf({ ...deps, source: request.notes ? source : { ...source, notes: [] } }, { scale: request.scale }, job);
    },
  };
}

/**
 * Wires the Export dialog to the exporter (src/export/): reads the board from the document when a
 * run starts, loads the text fonts first, fetches pictures from the server's blob store, and
 * decides who may export what (the facilitator anything; a participant their own easel or their
 * selection).
 */
import { canvasMeasure } from '../canvas/inkIndex';
import { fontOf } from '../canvas/scene/textLayout';
import type { Editor } from '../editor/editor';
import type { ExportDeps, Scope } from '../export/png';
import { readEasels } from '../export/source';
import type { Board } from '../model/board';
import { IMAGE_TYPES, TEXT_FONT_PX, type ImageType } from '../model/schema';
import type { ExportChoices, Exporter, ExportFormat, ExportRequest, ScopeChoice } from '../ui/export/types';
import { api } from './api';
import type { Identity } from './identity';

export interface ExportContext {
  boardId: string;
  identity: Identity;
  board: () => Board | null;
  editor: Editor;
}

/** A picture's bytes from the server's blob store. */
export async function fetchBlob(boardId: string, token: string, hash: string): Promise<{ bytes: Uint8Array; mime: ImageType }> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/blobs/${hash}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error('A picture could not be loaded from the server. Please try again.');
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const mime = (IMAGE_TYPES as readonly string[]).includes(type) ? (type as ImageType) : 'image/png';
  return { bytes: new Uint8Array(await res.arrayBuffer()), mime };
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

export function createExporter(ctx: ExportContext): Exporter {
  const { identity, boardId } = ctx;
  const facilitator = identity.role === 'facilitator';
  return {
    choices(): ExportChoices {
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
      return { formats, scopes, defaultScope: selection.length ? 'selection' : (scopes[0]?.value ?? 'board'), hasNotes };
    },

    async run(request: ExportRequest, onProgress, signal) {
      const board = ctx.board();
      if (!board) throw new Error('The board is still loading. Try again in a moment.');
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
        if (!facilitator) throw new Error('Only the facilitator can save the board file.');
        const file = await serializeBoard(board.doc, (hash) => fetchBlob(boardId, identity.token, hash), new Slicer(signal), (f) => onProgress(f, 'Adding pictures'));
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
      const source = readSource(board, measure, { participantCount });
      const deps: ExportDeps = {
        source,
        measure,
        loadImage: async (item, sig) => {
          const { bytes, mime } = await fetchBlob(boardId, identity.token, item.blob);
          if (sig?.aborted) return null;
          return createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
        },
      };
      const opts = { scale: request.scale, background: request.background, padding: request.padding, notes: request.notes };
      if (request.format === 'png') {
        let scope = scopeOf(request.scope);
        if (scope.kind === 'selection') scope = { kind: 'selection', ids: ctx.editor.selection };
        if (scope.kind === 'board' && !facilitator) throw new Error('Only the facilitator can export the whole board.');
        if (scope.kind === 'easel' && !facilitator && !source.easels.some((e) => e.id === (scope as { id: string }).id && e.owner === identity.participantId)) {
          throw new Error('You can export your own easel.');
        }
        const out = await exportPng(deps, scope, opts, job);
        const note = out.scale !== undefined && out.scale < request.scale - 1e-6 ? `It was too big at ${request.scale}x, so it was saved at ${out.scale.toFixed(1)}x.` : undefined;
        return { blob: out.blob, fileName: out.fileName, note };
      }
      if (!facilitator) throw new Error('Only the facilitator can export every easel.');
      if (request.format === 'zip') return (await import('../export/zip')).exportEaselsZip(deps, opts, job);
      const { exportHandoutPdf } = await import('../export/pdf');
      return exportHandoutPdf({ ...deps, source: request.notes ? source : { ...source, notes: [] } }, { scale: request.scale }, job);
    },
  };
}

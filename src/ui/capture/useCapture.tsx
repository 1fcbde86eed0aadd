/**
 * Every way a picture gets onto the board: the toolbar's "Picture" menu with "Add image" (file
 * picker) and "Take photo" (camera), a file dropped on the board, or a picture pasted from the
 * clipboard. Each opens
 * the same dialog (crop, rotate, clean up), which uploads the picture and places it.
 *
 * Returns the toolbar buttons and the dialog (or drop hint) for the board page to render.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { placePicture } from '../../actions/images';
import type { BoardContext } from '../../editor/context';
import { screenToBoard, type Vec } from '../../geometry/camera';
import { EditPicture } from './EditPicture';
import { CaptureIcons } from './icons';
import { TakePhoto } from './TakePhoto';
import { uploadPicture } from './upload';
import './capture.css';

/** What the client sends at most (the server's default limit is 10 MB). */
export const MAX_UPLOAD_BYTES = 9.5 * 1024 * 1024;

type Stage = { stage: 'camera' } | { stage: 'edit'; source: Blob; fromCamera: boolean; at: Vec | null };

interface Options {
  ctx: BoardContext | null;
  boardId: string;
  token: string;
  /** This person may add things now (not a projector, not paused). */
  enabled: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

function firstPicture(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const file of Array.from(data.files)) if (file.type.startsWith('image/') || file.type === '') return file;
  return null;
}

const hasFiles = (data: DataTransfer | null): boolean => !!data && Array.from(data.types).includes('Files');

/** The dialog takes the focus when it opens (unless something in it already has it). */
function focusInside(el: HTMLDivElement | null): void {
  if (el && !el.contains(document.activeElement)) el.focus();
}

/** Keeps Tab inside the dialog (it is modal), and keeps its keys from the board's shortcuts. */
function dialogKeys(e: ReactKeyboardEvent<HTMLDivElement>): void {
  e.stopPropagation();
  if (e.key !== 'Tab') return;
  const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]')].filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
  const first = focusable[0], last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || document.activeElement === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export function useCapture({ ctx, boardId, token, enabled }: Options): { buttons: ReactNode; dialog: ReactNode } {
  const [stage, setStage] = useState<Stage | null>(null);
  const [dropping, setDropping] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const open = !!stage;

  const pickFile = useCallback(() => fileRef.current?.click(), []);
  const close = useCallback(() => setStage(null), []);

  // Paste (Ctrl+V with a picture) and drop (a file from the desktop) while no dialog is open.
  useEffect(() => {
    if (!enabled || open || !ctx) return;
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target)) return;
      const file = firstPicture(e.clipboardData);
      if (!file) return;
      e.preventDefault();
      setStage({ stage: 'edit', source: file, fromCamera: false, at: null });
    };
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth++;
      setDropping(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDropping(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth = 0;
      setDropping(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      setStage({ stage: 'edit', source: file, fromCamera: false, at: screenToBoard(ctx.editor.camera, { x: e.clientX, y: e.clientY }) });
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled, open, ctx]);

  // The menu closes on a press elsewhere or Escape.
  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, close]);

  const at = stage?.stage === 'edit' ? stage.at : null;
  const place = useCallback(
    async (picture: Blob) => {
      if (!ctx) return;
      const uploaded = await uploadPicture(boardId, token, picture);
      if (!placePicture(ctx, uploaded, at)) throw new Error('The picture cannot be added here right now. Try again in a moment.');
      close();
    },
    [ctx, boardId, token, at, close],
  );

  // One toolbar button with a small menu: the toolbar is full at laptop widths.
  const buttons = enabled ? (
    <div className="cap-anchor" ref={menuRef}>
      <button
        type="button"
        className="tb-tool"
        title="Add a picture: from a file, or take a photo (you can also paste or drop one on the board)"
        aria-haspopup="true"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((o) => !o)}
      >
        {CaptureIcons.image}
        <span className="tb-label">Picture</span>
      </button>
      {menuOpen && (
        <div className="cap-menu floating" role="group" aria-label="Add a picture">
          <button type="button" className="cap-menu-item" onClick={() => { setMenuOpen(false); pickFile(); }}>
            {CaptureIcons.image}
            <span>
              <strong>Add image</strong>
              <small>A photo or picture from this device</small>
            </span>
          </button>
          <button type="button" className="cap-menu-item" onClick={() => { setMenuOpen(false); setStage({ stage: 'camera' }); }}>
            {CaptureIcons.camera}
            <span>
              <strong>Take photo</strong>
              <small>With this device's camera</small>
            </span>
          </button>
          <p className="cap-menu-hint">You can also paste a picture or drop one on the board.</p>
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/*"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) setStage({ stage: 'edit', source: file, fromCamera: false, at: null });
        }}
      />
    </div>
  ) : null;

  let dialog: ReactNode = null;
  if (stage) {
    const title = stage.stage === 'camera' ? 'Take a photo' : 'Add a picture';
    dialog = (
      <div className="cap-backdrop">
        {/* Keys typed here are the dialog's: the board's shortcuts (Delete, V, arrows) must not see them. */}
        <div className="cap-dialog floating" role="dialog" aria-modal="true" aria-labelledby="cap-title" tabIndex={-1} onKeyDown={dialogKeys} ref={focusInside}>
          <h2 id="cap-title" className="cap-title">
            {title}
          </h2>
          {stage.stage === 'camera' ? (
            <TakePhoto
              onCapture={(photo) => setStage({ stage: 'edit', source: photo, fromCamera: true, at: null })}
              onCancel={close}
              onPickFile={() => {
                close();
                pickFile();
              }}
            />
          ) : (
            <EditPicture
              key={stage.source instanceof File ? `${stage.source.name}-${stage.source.lastModified}` : String(stage.source.size)}
              source={stage.source}
              onRetake={stage.fromCamera ? () => setStage({ stage: 'camera' }) : undefined}
              onCancel={close}
              onPlace={place}
              maxBytes={MAX_UPLOAD_BYTES}
            />
          )}
        </div>
      </div>
    );
  } else if (dropping && enabled) {
    dialog = (
      <div className="cap-drop" aria-hidden="true">
        <p>Drop the picture to add it</p>
      </div>
    );
  }
  return { buttons, dialog };
}

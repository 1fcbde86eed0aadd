/**
 * The board file (`.sketchroom.json`): everything on a board in one versioned JSON document, with
 * its pictures embedded, to archive a workshop and to open it again as a new board. Format in
 * docs/board-model.md ("The board file").
 *
 * Entries are copied field by field (so fields added by later work survive a round trip) and are
 * accepted at import only when the same lenient readers the canvas uses read them back: a file
 * either opens whole or is refused with a plain reason, never half.
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../lib/base64';
import { isItemId } from '../protocol/ids';
import { readItem } from '../model/readItem';
import { IMAGE_TYPES, LIMITS, SCHEMA_VERSION, type ImageType } from '../model/schema';
import { readAnnotation } from '../model/annotations';
import { parseEasel as readEasel } from '../model/easels';
import type { Slicer } from './slicer';

export const BOARD_FILE_TYPE = 'sketchroom/board';
export const BOARD_FILE_VERSION = 1;
export const BOARD_FILE_EXTENSION = '.sketchroom.json';

/** A map entry's fields as JSON: strings, numbers and booleans (Y.Text fields as strings). */
export type Fields = Record<string, string | number | boolean>;

export interface BoardFile {
  type: typeof BOARD_FILE_TYPE;
  version: number;
  /** The document schema the content was read at. */
  schema: number;
  exportedAt: string;
  meta: { title: string; prompt: string; createdAt: number };
  /** The facilitator's lasting settings (not the live workshop state: timer, lock, phase). */
  session: Fields;
  frames: Record<string, Fields>;
  /** Strokes as `{ kind: "stroke", record: <base64 of the stroke record> }`; the rest as fields. */
  items: Record<string, Fields>;
  annotations: Record<string, Fields>;
  /** Pictures by SHA-256: their type and bytes (base64). */
  blobs: Record<string, { mime: ImageType; data: string }>;
}

/**
 * Session keys a board file keeps: lasting settings, not the moment's state. Private drawing is
 * not kept: without its phase it would hide everyone's work again on the new board.
 */
export const KEPT_SESSION_KEYS = ['allowEditOthers', 'showJoinCode', 'easels', 'easelOnly'] as const;

/** Fields that hold a Y.Text in the document, per top-level map (written as plain strings). */
export const TEXT_FIELDS: Record<'frames' | 'items' | 'annotations', readonly string[]> = { frames: [], items: ['text'], annotations: [] };

export const FILE_LIMITS = {
  entries: 200_000,
  fieldLength: LIMITS.textLength,
  keyLength: 40,
  fields: 40,
  /** Per picture, decoded. */
  blobBytes: 25 * 1024 * 1024,
} as const;

export class BoardFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoardFileError';
  }
}

// ---------------------------------------------------------------------------------------------
// Writing the file
// ---------------------------------------------------------------------------------------------

function fieldsOf(map: Y.Map<unknown>): Fields {
  const out: Fields = {};
  map.forEach((v, k) => {
    if (v instanceof Y.Text) out[k] = v.toString();
    else if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  });
  return out;
}

/** Fetches a picture's bytes by its hash (the server's blob store). */
export type BlobFetcher = (hash: string) => Promise<{ bytes: Uint8Array; mime: ImageType }>;

/** Everything in the document, readable entries only (what the canvas would skip is skipped). */
export async function serializeBoard(doc: Y.Doc, fetchBlob: BlobFetcher, slicer: Slicer, progress: (f: number) => void = () => {}): Promise<BoardFile> {
  const meta = doc.getMap<unknown>('meta');
  const session = doc.getMap<unknown>('session');
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const file: BoardFile = {
    type: BOARD_FILE_TYPE,
    version: BOARD_FILE_VERSION,
    schema: typeof meta.get('schema') === 'number' ? (meta.get('schema') as number) : SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    meta: { title: str(meta.get('title')), prompt: str(meta.get('prompt')), createdAt: typeof meta.get('createdAt') === 'number' ? (meta.get('createdAt') as number) : 0 },
    session: {},
    frames: {},
    items: {},
    annotations: {},
    blobs: {},
  };
  for (const key of KEPT_SESSION_KEYS) {
    const v = session.get(key);
    if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') file.session[key] = v;
  }
  doc.getMap<unknown>('frames').forEach((v, id) => {
    if (readEasel(id, v)) file.frames[id] = fieldsOf(v as Y.Map<unknown>);
  });
  doc.getMap<unknown>('annotations').forEach((v, id) => {
    if (readAnnotation(id, v)) file.annotations[id] = fieldsOf(v as Y.Map<unknown>);
  });
  const blobs = new Set<string>();
  for (const [id, v] of doc.getMap<unknown>('items').entries()) {
    await slicer.tick();
    if (v instanceof Uint8Array) {
      if (readItem(id, v)) file.items[id] = { kind: 'stroke', record: toBase64(v) };
    } else if (v instanceof Y.Map) {
      const item = readItem(id, v);
      if (item?.kind === 'image') blobs.add(item.blob);
      if (item) file.items[id] = fieldsOf(v);
    }
  }
  let done = 0;
  for (const hash of blobs) {
    const { bytes, mime } = await fetchBlob(hash);
    slicer.throwIfAborted();
    file.blobs[hash] = { mime, data: toBase64(bytes) };
    progress(++done / blobs.size);
    await slicer.tick();
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Reading the file: strict
// ---------------------------------------------------------------------------------------------

export interface ParsedBoard {
  meta: BoardFile['meta'];
  session: Fields;
  frames: Map<string, Fields>;
  items: Map<string, Fields | Uint8Array>;
  annotations: Map<string, Fields>;
  blobs: Map<string, { mime: ImageType; bytes: Uint8Array }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(message: string): never {
  throw new BoardFileError(message);
}

function readFields(raw: unknown, where: string): Fields {
  if (!isObject(raw)) fail(`${where} is not an object.`);
  const out: Fields = {};
  const keys = Object.keys(raw);
  if (keys.length > FILE_LIMITS.fields) fail(`${where} has too many fields.`);
  for (const k of keys) {
    const v = raw[k];
    if (k.length === 0 || k.length > FILE_LIMITS.keyLength) fail(`${where} has a field with a bad name.`);
    if (typeof v === 'string') {
      if (v.length > FILE_LIMITS.fieldLength) fail(`${where}: the field "${k}" is too long.`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail(`${where}: the field "${k}" is not a number.`);
    } else if (typeof v !== 'boolean') fail(`${where}: the field "${k}" has a value a board cannot hold.`);
    out[k] = v as string | number | boolean;
  }
  return out;
}

/** A scratch Y.Map holding the fields as the document would, for the readers to check. */
export function mapOf(fields: Fields, textFields: readonly string[]): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, textFields.includes(k) && typeof v === 'string' ? new Y.Text(v) : v);
  return map;
}

function section(raw: unknown, name: string): Array<[string, unknown]> {
  if (raw === undefined) return [];
  if (!isObject(raw)) fail(`The "${name}" part of the file is damaged.`);
  const entries = Object.entries(raw);
  if (entries.length > FILE_LIMITS.entries) fail(`The file has too many ${name} for one board.`);
  for (const [id] of entries) if (!isItemId(id)) fail(`The file has ${name} with a bad id ("${String(id as unknown).slice(0, 40)}").`);
  return entries;
}

/** Text -> a board, or a BoardFileError saying in plain words what is wrong. Hashes are checked. */
export async function parseBoardFile(text: string, slicer?: Slicer): Promise<ParsedBoard> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail('This is not a Sketchroom board file (it is not JSON).');
  }
  if (!isObject(data) || data.type !== BOARD_FILE_TYPE) fail('This is not a Sketchroom board file.');
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) fail('This board file has no version.');
  if (data.version > BOARD_FILE_VERSION) fail('This board file was made by a newer Sketchroom. Update this server to open it.');
  if (data.version < 1) fail('This board file has an unknown version.');
  if (typeof data.schema === 'number' && data.schema > SCHEMA_VERSION) fail('This board file was made by a newer Sketchroom. Update this server to open it.');
  const meta = data.meta;
  if (!isObject(meta) || typeof meta.title !== 'string') fail('The board file has no title.');
  const title = meta.title.trim();
  if (title === '' || [...title].length > LIMITS.titleLength) fail(`The board title must be 1 to ${LIMITS.titleLength} characters.`);
  const prompt = meta.prompt === undefined ? '' : meta.prompt;
  if (typeof prompt !== 'string' || [...prompt].length > LIMITS.promptLength) fail(`The prompt must be at most ${LIMITS.promptLength} characters.`);
  const createdAt = meta.createdAt === undefined ? 0 : meta.createdAt;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt < 0) fail('The board file has a bad creation date.');

  const session = data.session === undefined ? {} : readFields(data.session, 'The session settings');
  for (const k of Object.keys(session)) if (!(KEPT_SESSION_KEYS as readonly string[]).includes(k)) delete session[k];

  const out: ParsedBoard = { meta: { title, prompt, createdAt }, session, frames: new Map(), items: new Map(), annotations: new Map(), blobs: new Map() };
  const scratch = new Y.Doc();
  try {
    const holder = scratch.getMap<unknown>('check');
    const check = <T>(fields: Fields, textFields: readonly string[], read: (id: string, v: unknown) => T | null, id: string): T | null => {
      const map = mapOf(fields, textFields);
      holder.set('entry', map);
      return read(id, map);
    };
    for (const [id, raw] of section(data.frames, 'easels')) {
      const fields = readFields(raw, `Easel ${id}`);
      if (!check(fields, TEXT_FIELDS.frames, readEasel, id)) fail(`Easel ${id} in the file is damaged.`);
      out.frames.set(id, fields);
    }
    for (const [id, raw] of section(data.annotations, 'notes')) {
      const fields = readFields(raw, `Note ${id}`);
      if (!check(fields, TEXT_FIELDS.annotations, readAnnotation, id)) fail(`Note ${id} in the file is damaged.`);
      out.annotations.set(id, fields);
    }
    const images = new Set<string>();
    for (const [id, raw] of section(data.items, 'items')) {
      await slicer?.tick();
      const fields = readFields(raw, `Item ${id}`);
      if (fields.kind === 'stroke') {
        if (typeof fields.record !== 'string' || Object.keys(fields).length !== 2) fail(`Stroke ${id} in the file is damaged.`);
        let record: Uint8Array;
        try {
          record = fromBase64(fields.record);
        } catch {
          fail(`Stroke ${id} in the file is damaged.`);
        }
        if (!readItem(id, record)) fail(`Stroke ${id} in the file is damaged.`);
        out.items.set(id, record);
        continue;
      }
      const item = check(fields, TEXT_FIELDS.items, readItem, id);
      if (!item) fail(fields.kind === 'image' ? `Picture ${id} in the file is damaged.` : `Item ${id} in the file is damaged.`);
      if (item.kind === 'image') images.add(item.blob);
      out.items.set(id, fields);
    }
    if (data.blobs !== undefined && !isObject(data.blobs)) fail('The pictures in the file are damaged.');
    const blobs = (data.blobs ?? {}) as Record<string, unknown>;
    for (const hash of images) {
      const b = blobs[hash];
      if (!isObject(b) || typeof b.data !== 'string' || !IMAGE_TYPES.includes(b.mime as ImageType)) fail('A picture is missing from the file.');
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(b.data);
      } catch {
        fail('A picture in the file is damaged.');
      }
      if (bytes.length > FILE_LIMITS.blobBytes) fail('A picture in the file is too large.');
      if ((await sha256Hex(bytes)) !== hash) fail('A picture in the file is damaged (its contents do not match).');
      out.blobs.set(hash, { mime: b.mime as ImageType, bytes });
    }
  } finally {
    scratch.destroy();
  }
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of digest) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * A document's content in a comparable form (ids sorted): what must be identical after a round
 * trip. Meta's title and prompt count; the server-written schema and the creation time do not.
 */
export function contentOf(doc: Y.Doc): string {
  const sorted = (m: Y.Map<unknown>, read: (id: string, v: unknown) => unknown): Array<[string, unknown]> =>
    [...m.entries()]
      .filter(([id, v]) => read(id, v) !== null)
      .map(([id, v]): [string, unknown] => [id, v instanceof Uint8Array ? toBase64(v) : v instanceof Y.Map ? sortedFields(fieldsOf(v)) : null])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const meta = doc.getMap<unknown>('meta');
  return JSON.stringify({
    title: meta.get('title'),
    prompt: meta.get('prompt'),
    frames: sorted(doc.getMap('frames'), readEasel),
    items: sorted(doc.getMap('items'), readItem),
    annotations: sorted(doc.getMap('annotations'), readAnnotation),
  });
}

function sortedFields(f: Fields): Array<[string, unknown]> {
  return Object.entries(f).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

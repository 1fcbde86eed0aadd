/** JSON in and out with limits: bodies over the cap are 413, bad JSON is 400, never a crash. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { plainText, textLength } from '../../src/protocol/text';

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new HttpError(413, 'Request body is too large.'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        reject(new HttpError(413, 'Request body is too large.'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? undefined : (JSON.parse(text) as unknown));
      } catch {
        reject(new HttpError(400, 'The request body is not valid JSON.'));
      }
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      reject(new HttpError(400, 'The request body could not be read.'));
    });
  });
}

/** A plain object from a parsed body, or a 400. */
export function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Send a JSON object.');
  }
  return body as Record<string, unknown>;
}

/**
 * A plain-text string field (trimmed, control characters removed, see src/protocol/text.ts) of
 * `min..max` characters (code points), or a 400 naming the field.
 */
export function stringField(
  obj: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  optional = false,
  multiline = false,
): string {
  const value = obj[name];
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') throw new HttpError(400, `"${name}" must be a string.`);
  const text = plainText(value, { multiline });
  const length = textLength(text);
  if (length < min) throw new HttpError(400, `"${name}" must not be empty.`);
  if (length > max) throw new HttpError(400, `"${name}" must be at most ${max} characters.`);
  return text;
}

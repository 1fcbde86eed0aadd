/**
 * File names for exports: people's names made safe for every file system (no path separators,
 * reserved characters or Windows device names), kept readable (accents and other scripts stay),
 * and unique within one ZIP.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 60;

export function safeFileName(name: string, fallback = 'easel'): string {
  let s = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g, ' ')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points, never through a surrogate pair.
  const chars = [...s];
  if (chars.length > MAX_LENGTH) s = chars.slice(0, MAX_LENGTH).join('').trim();
  if (s === '' || RESERVED.test(s)) s = s === '' ? fallback : `${s}_`;
  return s;
}

/** Safe, unique names with the extension: "Ana.png", "Ana (2).png"; case-insensitively unique. */
export function uniqueFileNames(names: readonly string[], ext: string, fallback = 'easel'): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = safeFileName(n, fallback);
    let candidate = `${base}.${ext}`;
    for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base} (${i}).${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A board title as the stem of a download's name. */
export function boardFileStem(title: string): string {
  return safeFileName(title, 'board');
}

/** An easel's file stem where the board hides names: its place in the list, "easel-01". */
export function anonymousEaselStem(index: number, count: number): string {
  return `easel-${String(index + 1).padStart(Math.max(2, String(count).length), '0')}`;
}

/**
 * The ZIP's file names: each artist's name, or "easel-01.png", "easel-02.png"... where the board
 * hides names (never "anonymous (2).png": the list's order is the easels' order).
 */
export function easelFileNames(names: readonly string[], hideNames: boolean, ext: string): string[] {
  if (!hideNames) return uniqueFileNames(names, ext);
  return names.map((_, i) => `${anonymousEaselStem(i, names.length)}.${ext}`);
}

import { describe, expect, it } from 'vitest';
import { inspectImage } from './inspectImage';
import { isWholeImage, sniffImageType } from './sniff';
import { JPEG_8x6, PNG_8x6, WEBP_8x6, pngDeclaring } from './testImages';

const limits = { maxPixels: 50_000_000, maxSide: 10_000 };

describe('sniffing pictures by their bytes', () => {
  it('knows PNG, JPEG and WebP, and nothing else', () => {
    expect(sniffImageType(PNG_8x6)).toBe('image/png');
    expect(sniffImageType(JPEG_8x6)).toBe('image/jpeg');
    expect(sniffImageType(WEBP_8x6)).toBe('image/webp');
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '<!doctype html>', 'GIF89a', 'BM', 'RIFF\0\0\0\0WAVEfmt ', '']) {
      expect(sniffImageType(Buffer.from(text, 'latin1'))).toBeNull();
    }
  });

  it('accepts whole files, with the zero padding some cameras put after a JPEG', () => {
    expect(isWholeImage(PNG_8x6, 'image/png')).toBe(true);
    expect(isWholeImage(JPEG_8x6, 'image/jpeg')).toBe(true);
    expect(isWholeImage(Buffer.concat([JPEG_8x6, Buffer.alloc(16)]), 'image/jpeg')).toBe(true);
    expect(isWholeImage(WEBP_8x6, 'image/webp')).toBe(true);
  });

  it('refuses anything after a PNG, a JPEG without its end, a WebP whose length lies', () => {
    expect(isWholeImage(Buffer.concat([PNG_8x6, Buffer.from('<script>')]), 'image/png')).toBe(false);
    expect(isWholeImage(JPEG_8x6.subarray(0, JPEG_8x6.length - 2), 'image/jpeg')).toBe(false);
    const lying = Buffer.from(WEBP_8x6);
    lying.writeUInt32LE(lying.readUInt32LE(4) + 100, 4);
    expect(isWholeImage(lying, 'image/webp')).toBe(false);
  });

  it('reads the size from the header and refuses bombs before decoding anything', () => {
    expect(inspectImage(PNG_8x6, limits)).toEqual({ ok: true, mime: 'image/png', width: 8, height: 6 });
    expect(inspectImage(pngDeclaring(100_000, 100_000), limits)).toMatchObject({ ok: false, status: 422 });
    expect(inspectImage(pngDeclaring(10_001, 10), limits)).toMatchObject({ ok: false, status: 422 });
    expect(inspectImage(pngDeclaring(7000, 7000), limits)).toMatchObject({ ok: true, width: 7000 });
    expect(inspectImage(Buffer.from('<svg onload="alert(1)"/>'), limits)).toMatchObject({ ok: false, status: 415 });
  });
});

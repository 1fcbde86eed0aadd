/** A QR code of `text` as an SVG data URL (null while it is made, or for no text). */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function useQrDataUrl(text: string | null): string | null {
  const [qr, setQr] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    // Medium error correction: survives a washed-out beamer and a slightly blurry phone photo.
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#1f2328ff', light: '#ffffffff' } }).then(
      (svg) => live && setQr({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return qr && qr.text === text ? qr.url : null;
}

/**
 * "Take photo": the laptop's (or tablet's) camera, live, with a choice of camera when there are
 * several (front and back), and a big button that takes the picture. Every failure says what to do.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  onCapture(photo: Blob): void;
  onCancel(): void;
  /** Offer the file picker instead (no camera, or no permission). */
  onPickFile(): void;
}

function cameraMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'Sketchroom may not use the camera. Allow the camera for this page (the camera icon in the address bar), then try again.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this device. Use "Choose a file" instead.';
  if (name === 'NotReadableError' || name === 'AbortError') return 'The camera is busy in another app. Close that app, then try again.';
  return 'The camera could not start. Try again, or use "Choose a file" instead.';
}

/** A camera's name for people: the browser's label, or its place in the list. */
function cameraName(device: MediaDeviceInfo, i: number): string {
  return device.label || `Camera ${i + 1}`;
}

export function TakePhoto({ onCapture, onCancel, onPickFile }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  /** The camera the person chose (null: the browser's pick, the back camera when there is one). */
  const [chosen, setChosen] = useState<string | null>(null);
  /** The camera showing now. */
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const secure = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => {
    if (!secure) return;
    let live = true;
    let stream: MediaStream | null = null;
    setReady(false);
    setError(null);
    const video: MediaTrackConstraints = chosen
      ? { deviceId: { exact: chosen }, width: { ideal: 1920 }, height: { ideal: 1080 } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } };
    navigator.mediaDevices
      .getUserMedia({ video, audio: false })
      .then(async (s) => {
        if (!live) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        const el = videoRef.current;
        if (el) {
          el.srcObject = s;
          await el.play().catch(() => {});
        }
        // Labels are only known once the camera is allowed.
        const all = await navigator.mediaDevices.enumerateDevices();
        if (!live) return;
        setCameras(all.filter((d) => d.kind === 'videoinput'));
        setCurrent(s.getVideoTracks()[0]?.getSettings().deviceId ?? '');
      })
      .catch((e: unknown) => live && setError(cameraMessage(e)));
    return () => {
      live = false;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [secure, chosen]);

  const capture = () => {
    const el = videoRef.current;
    if (!el || !el.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = el.videoWidth;
    canvas.height = el.videoHeight;
    canvas.getContext('2d')!.drawImage(el, 0, 0);
    canvas.toBlob((b) => b && onCapture(b), 'image/jpeg', 0.92);
  };

  const message = !secure
    ? 'The camera only works on a secure page (https) or on this computer itself. Use "Choose a file" to add a photo instead.'
    : error;

  return (
    <>
      <div className="cap-stage cap-camera">
        {message ? (
          <p className="cap-error" role="alert">
            {message}
          </p>
        ) : (
          <video
            ref={videoRef}
            className="cap-video"
            aria-label="Camera preview"
            playsInline
            muted
            autoPlay
            onLoadedData={() => setReady(true)}
          />
        )}
      </div>
      <div className="cap-tools">
        {cameras.length > 1 && (
          <label className="cap-select">
            <span aria-hidden="true">Camera</span>
            <select aria-label="Camera" value={chosen ?? current} onChange={(e) => setChosen(e.target.value)}>
              {cameras.map((c, i) => (
                <option key={c.deviceId || i} value={c.deviceId}>
                  {cameraName(c, i)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="cap-actions">
        <button type="button" className="cap-secondary" onClick={onPickFile}>
          Choose a file
        </button>
        <span className="cap-spacer" />
        <button type="button" className="cap-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="cap-primary" onClick={capture} disabled={!ready || !!message}>
          Take photo
        </button>
      </div>
    </>
  );
}

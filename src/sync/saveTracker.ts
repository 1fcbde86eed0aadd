/**
 * "All changes saved" only once the server has committed them. Counts the document updates sent on
 * the current socket against the server's commit confirmations (src/protocol/confirm.ts), and
 * remembers local changes that no socket has carried yet (made offline, or while the handshake
 * holds updates back): those go out with the next sync step 2, which covers the whole document.
 */
export class SaveTracker {
  private sent = 0;
  private confirmed = 0;
  private dirty = false;
  private last = true;

  constructor(private readonly onChange: (saved: boolean) => void) {}

  get saved(): boolean {
    return !this.dirty && this.confirmed >= this.sent;
  }

  /** A change of this device's document that is not from the server (drawing, the local copy). */
  localChange(): void {
    this.dirty = true;
    this.emit();
  }

  /** A document update left on the socket; it carries every change made before it. */
  updateSent(): void {
    this.sent++;
    this.dirty = false;
    this.emit();
  }

  /** The server committed the first `count` updates of this socket. */
  confirm(count: number): void {
    if (count > this.sent) return; // not ours to believe: never more than was sent
    this.confirmed = Math.max(this.confirmed, count);
    this.emit();
  }

  /** A new socket counts from zero; what the old one left unconfirmed is sent again with the handshake. */
  socketChanged(): void {
    if (this.confirmed < this.sent) this.dirty = true;
    this.sent = 0;
    this.confirmed = 0;
    this.emit();
  }

  private emit(): void {
    const saved = this.saved;
    if (saved === this.last) return;
    this.last = saved;
    this.onChange(saved);
  }
}

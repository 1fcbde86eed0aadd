/**
 * When to try the server again: exponential backoff with full jitter (a random wait between 0 and
 * min(cap, base * 2^attempt)), so a room of laptops that lost the venue Wi-Fi together does not
 * come back in lock step; and at once when the browser says the network is back, the tab becomes
 * visible again (a laptop waking up) or the person presses "Retry now".
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 10_000, random: Math.random };

export function backoffDelay(attempt: number, { baseMs, capMs, random }: BackoffOptions): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)));
}

export class Reconnector {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly connect: () => void,
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  /** Whether a retry is scheduled (we are between attempts). */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** After a lost or refused connection: try again after the next backoff delay. */
  schedule(): void {
    this.cancel();
    const delay = backoffDelay(this.attempt++, this.options);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  /** Skip the wait (network back, tab visible, "Retry now"); nothing if no retry is scheduled. */
  now(): void {
    if (this.timer === null) return;
    this.cancel();
    this.connect();
  }

  /** A connection synced: the next loss starts from a short wait again. */
  reset(): void {
    this.attempt = 0;
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

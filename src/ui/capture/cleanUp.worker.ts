/** Runs "Clean up" off the main thread: a 2560 px photo takes tens of milliseconds. */
import { cleanUp } from './imageOps';

interface Request {
  id: number;
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

scope.onmessage = (e) => {
  const { id, data, width, height } = e.data;
  cleanUp({ data, width, height });
  scope.postMessage({ id, data }, [data.buffer]);
};

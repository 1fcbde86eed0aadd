/** Where a tool announces an in-progress stroke (to this screen's live layer and to the network). */
export interface LiveStrokeStart {
  itemId: string;
  tool: 'pen' | 'highlighter';
  color: string;
  width: number;
}

export interface LiveSink {
  start(stroke: LiveStrokeStart): void;
  /** New points of the current stroke: absolute board coordinates, stride 3 (x, y, pressure). */
  points(points: readonly number[]): void;
  /** The current stroke was committed under its itemId, or cancelled. */
  end(): void;
}

/** Fans one tool's live output out to several sinks. */
export function fanOut(...sinks: LiveSink[]): LiveSink {
  return {
    start: (s) => sinks.forEach((k) => k.start(s)),
    points: (p) => sinks.forEach((k) => k.points(p)),
    end: () => sinks.forEach((k) => k.end()),
  };
}

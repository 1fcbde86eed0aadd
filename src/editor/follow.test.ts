import { describe, expect, it } from 'vitest';
import { Editor } from './editor';
import { cameraNear, fitLeaderView, FollowController, glideStep, leaderViewOf, parseLeaderView, type FrameScheduler, type LeaderView } from './follow';

/** Animation frames run by hand, 16 ms apart. */
function manualFrames() {
  let queue: Array<(t: number) => void> = [];
  let time = 0;
  const frames: FrameScheduler = {
    request(fn) {
      queue.push(fn);
      return () => {
        queue = queue.filter((f) => f !== fn);
      };
    },
  };
  const run = (n = 1) => {
    for (let i = 0; i < n; i++) {
      time += 16;
      const fns = queue;
      queue = [];
      for (const fn of fns) fn(time);
    }
  };
  return { frames, run, pending: () => queue.length };
}

const LEADER: LeaderView = { cx: 2000, cy: 1000, zoom: 2, w: 1600, h: 900 };

describe('fitting the facilitator’s view', () => {
  it('shows the same board area, whole and centred, on another screen size', () => {
    // The leader sees 800 x 450 board px around (2000, 1000).
    const cam = fitLeaderView(LEADER, { width: 1000, height: 800 });
    expect(cam.zoom).toBeCloseTo(1.25); // width-bound: 1000 / 800
    expect(cam.x + 500 / cam.zoom).toBeCloseTo(2000);
    expect(cam.y + 400 / cam.zoom).toBeCloseTo(1000);
    const tall = fitLeaderView(LEADER, { width: 2000, height: 450 });
    expect(tall.zoom).toBeCloseTo(1); // height-bound
    // Under a 180 px header (the projector): the area below it, centred there.
    const wall = fitLeaderView(LEADER, { width: 1920, height: 1080 }, 180);
    expect(wall.zoom).toBeCloseTo(2); // 900 / 450
    expect(wall.y + (180 + 450) / wall.zoom).toBeCloseTo(1000);
  });

  it('round-trips through the wire form and reads remote values leniently', () => {
    const view = leaderViewOf({ camera: { x: 100, y: 50, zoom: 0.5 }, viewport: { width: 1366, height: 768 } });
    expect(view).toEqual({ cx: 1466, cy: 818, zoom: 0.5, w: 1366, h: 768 });
    expect(parseLeaderView(JSON.parse(JSON.stringify(view)))).toEqual(view);
    expect(parseLeaderView({ ...view, zoom: 0 })).toBeNull();
    expect(parseLeaderView({ ...view, cx: 'x' })).toBeNull();
    expect(parseLeaderView(null)).toBeNull();
  });

  it('glides: each frame closer, geometric zoom, and lands exactly', () => {
    const viewport = { width: 1000, height: 800 };
    const target = fitLeaderView(LEADER, viewport);
    let cam = { x: 0, y: 0, zoom: 1 };
    let prevDist = Infinity;
    for (let i = 0; i < 200 && cam !== target; i++) {
      cam = glideStep(cam, target, 16, viewport);
      const d = Math.hypot(cam.x - target.x, cam.y - target.y);
      expect(d).toBeLessThanOrEqual(prevDist);
      prevDist = d;
    }
    expect(cam).toBe(target);
    expect(cameraNear(cam, target)).toBe(true);
  });
});

describe('FollowController', () => {
  function setup() {
    const editor = new Editor({ viewport: { width: 1000, height: 800 } });
    const f = manualFrames();
    const follow = new FollowController(editor, f.frames);
    return { editor, follow, ...f };
  }

  it('follows on a press, glides to the facilitator’s area and keeps following their moves', () => {
    const { editor, follow, run } = setup();
    follow.setLeader(LEADER);
    expect(follow.mode.get()).toBe('off');
    run(5);
    expect(editor.camera).toEqual({ x: 0, y: 0, zoom: 1 }); // nobody asked
    follow.setRequest({ on: true, since: 1 });
    expect(follow.mode.get()).toBe('following');
    run(120);
    expect(editor.camera).toEqual(fitLeaderView(LEADER, { width: 1000, height: 800 }));
    const moved = { ...LEADER, cx: 2500 };
    follow.setLeader(moved);
    run(120);
    expect(editor.camera).toEqual(fitLeaderView(moved, { width: 1000, height: 800 }));
    expect(follow.mode.get()).toBe('following');
  });

  it('a pan of my own stops following; "Follow the facilitator" brings me back; a fresh press too', () => {
    const { editor, follow, run, pending } = setup();
    follow.setLeader(LEADER);
    follow.setRequest({ on: true, since: 1 });
    run(3);
    editor.pan(40, 0); // mid-glide: the person takes over
    expect(follow.mode.get()).toBe('away');
    const mine = editor.camera;
    run(30);
    expect(editor.camera).toBe(mine);
    expect(pending()).toBe(0);
    follow.follow();
    expect(follow.mode.get()).toBe('following');
    run(120);
    expect(editor.camera).toEqual(fitLeaderView(LEADER, { width: 1000, height: 800 }));
    editor.zoomIn();
    expect(follow.mode.get()).toBe('away');
    follow.setRequest({ on: true, since: 1 }); // the same press read again: still away
    expect(follow.mode.get()).toBe('away');
    follow.setRequest({ on: true, since: 2 }); // pressed again
    expect(follow.mode.get()).toBe('following');
  });

  it('a sticky screen (the projector) keeps following when something else moves its camera', () => {
    const editor = new Editor({ viewport: { width: 1920, height: 1080 } });
    const f = manualFrames();
    const follow = new FollowController(editor, f.frames, { sticky: true, insetTop: () => 180 });
    follow.setLeader(LEADER);
    follow.setRequest({ on: true, since: 1 });
    f.run(120);
    editor.setCamera({ x: 0, y: 0, zoom: 1 }); // e.g. a fit that ran late
    expect(follow.mode.get()).toBe('following');
    f.run(120);
    expect(editor.camera).toEqual(fitLeaderView(LEADER, { width: 1920, height: 1080 }, 180));
  });

  it('"Let everyone roam" ends it; Stop does nothing when not following; a new screen size refits', () => {
    const { editor, follow, run } = setup();
    follow.setLeader(LEADER);
    follow.setRequest({ on: true, since: 1 });
    run(120);
    editor.setViewport(500, 800);
    run(120);
    expect(editor.camera).toEqual(fitLeaderView(LEADER, { width: 500, height: 800 }));
    expect(follow.mode.get()).toBe('following');
    follow.setRequest({ on: false, since: 1 });
    expect(follow.mode.get()).toBe('off');
    follow.stop();
    follow.follow(); // nobody asks: nothing to follow
    expect(follow.mode.get()).toBe('off');
    follow.destroy();
  });
});

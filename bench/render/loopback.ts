/**
 * Remote stroke latency: a pointer moving on screen A until the point is painted on screen B.
 * The real app (built with Vite) against the real server, two pages of one headless Chromium:
 * A is the facilitator drawing with the pen, B a participant. A stamps each pointer event as its
 * page receives it; B's live layer stamps each paint with how many points it drew (the canvas's
 * `window.__sketchroomRender.livePaints`). Both stamps are performance.timeOrigin + now(), one clock
 * for every page of the browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { benchDir } from '../lib/child';
import { startSketchroom, freshDataDir } from '../lib/server';
import { le, type Row } from '../lib/table';
import { percentile } from '../lib/stats';

const STROKES = 4;
const MOVES = 90;

async function buildApp(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'sketchroom-render-app-'));
  await build({ root: join(benchDir, '..'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const synced = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __sketchroom?: { synced: boolean; status: string } }).__sketchroom?.synced === true, null, { timeout: 30_000 });

export async function runLoopback(browser: Browser): Promise<{ rows: Row[]; lines: string[] }> {
  const staticDir = await buildApp();
  const server = await startSketchroom(freshDataDir('render-loop'), { staticDir });
  const ctxA = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  const ctxB = await browser.newContext({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  try {
    const made = await post<{ id: string; facilitatorUrl: string }>(`${server.url}/api/boards`, { title: 'Latency' });
    const joined = await post<{ token: string; participantId: string; name: string; color: string }>(`${server.url}/api/join`, { boardId: made.id, name: 'Bea' });
    const a = await ctxA.newPage();
    const b = await ctxB.newPage();
    // A string, not a function: tsx would wrap named arrows in a helper the page does not have.
    await a.addInitScript(`
      window.__sent = [];
      window.addEventListener('pointerdown', () => window.__sent.push(performance.timeOrigin + performance.now()), { capture: true });
      window.addEventListener('pointermove', (e) => { if (e.buttons) window.__sent.push(performance.timeOrigin + performance.now()); }, { capture: true });
    `);
    await b.addInitScript(
      ([key, identity]) => localStorage.setItem(key, identity),
      [`sketchroom.identity.${made.id}`, JSON.stringify({ token: joined.token, role: 'participant', participantId: joined.participantId, name: joined.name, color: joined.color })] as const,
    );
    await a.goto(server.url + made.facilitatorUrl);
    await b.goto(`${server.url}/b/${made.id}`);
    await synced(a);
    await synced(b);
    await a.waitForTimeout(500);
    const latencies: number[] = [];
    let missed = 0;
    // Stroke -1 warms both pages up (JIT, first live stroke) and is not counted.
    for (let s = -1; s < STROKES; s++) {
      await a.evaluate(() => ((window as unknown as { __sent: number[] }).__sent = []));
      await b.evaluate(() => {
        const r = (window as unknown as { __sketchroomRender?: { livePaints: unknown[] | null } }).__sketchroomRender;
        if (r) r.livePaints = [];
      });
      const x0 = 260 + s * 60, y0 = 280 + s * 80;
      await a.mouse.move(x0, y0);
      await a.mouse.down();
      for (let i = 1; i <= MOVES; i++) {
        await a.mouse.move(x0 + i * 8, y0 + Math.sin(i / 6) * 40);
        await a.waitForTimeout(12);
      }
      await a.waitForTimeout(300);
      const sent = await a.evaluate(() => (window as unknown as { __sent: number[] }).__sent);
      const paints = await b.evaluate(() => (window as unknown as { __sketchroomRender?: { livePaints: Array<{ t: number; points: number }> | null } }).__sketchroomRender?.livePaints ?? []);
      await a.mouse.up();
      for (let i = 0; i < sent.length && s >= 0; i++) {
        const paint = paints.find((p) => p.points >= i + 1);
        if (paint) {
          latencies.push(paint.t - sent[i]!);
          if (process.env.LOOP_DEBUG && paint.t - sent[i]! > 30) console.log(`stroke ${s} point ${i}: ${(paint.t - sent[i]!).toFixed(1)} ms`);
        } else missed++;
      }
      await a.waitForTimeout(300);
    }
    const p50 = percentile(latencies, 50), p99 = percentile(latencies, 99);
    return {
      rows: [
        { figure: 'remote stroke loopback p50', value: p50, unit: 'ms', target: '<= 20', pass: le(p50, 20), note: `pointer event on A -> live layer paint on B, real server; ${latencies.length} points after a warm-up stroke, ${missed} never painted` },
        { figure: 'remote stroke loopback p99', value: p99, unit: 'ms', target: '<= 35', pass: le(p99, 35) },
      ],
      lines: [],
    };
  } finally {
    await ctxA.close();
    await ctxB.close();
    await server.stop();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

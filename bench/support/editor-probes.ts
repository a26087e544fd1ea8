import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { z } from 'zod';

/**
 * In-page instruments for the editor benchmark, installed before any page script runs
 * (BrowserContext.addInitScript), as `window.__bench`. Times are performance.now() of the
 * page: milliseconds since its navigation started.
 * - longTasks: every long task (> 50 ms on the main thread) since navigation start;
 * - whenCanvasReady(count, timeoutMs): resolves, checked once per frame, when <html> is
 *   marked hydrated, `count` canvas nodes are in the DOM and visible (measured), and the
 *   viewport's transform held for one frame (the dialog's fitView has landed); with the
 *   time each condition was first seen;
 *   rejects with what was seen when `timeoutMs` passes;
 * - nodePoint(id, fy): the viewport point at the node's horizontal middle and `fy` of its
 *   height (its header near the top), and its transform;
 * - whenSelected(id, timeoutMs): the first frame at which the node has the class
 *   `selected` (painted);
 * - startFrames() / stopFrames(): counts requestAnimationFrame callbacks in between, and
 *   the longest gap between two;
 * - startKeys() / stopKeys(): for each printable keydown (capturing, so first), the time
 *   from the event's timeStamp (when the browser received the key) to the task after the
 *   next animation frame (that frame painted the change), and whether the target's value
 *   had changed by then.
 * Written as a string: functions handed to the page must not carry a bundler's helpers.
 */
export const editorProbeScript = `(() => {
  const bench = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  bench.whenCanvasReady = (count, timeoutMs) => new Promise((resolve, reject) => {
    const marks = {};
    let lastTransform = null;
    const started = performance.now();
    const tick = () => {
      const now = performance.now();
      if (marks.hydrated === undefined && document.documentElement?.dataset.hydrated === 'true') marks.hydrated = now;
      const nodes = document.querySelectorAll('.react-flow__node');
      if (marks.nodes === undefined && nodes.length === count && Array.from(nodes).every((node) => node.style.visibility !== 'hidden')) marks.nodes = now;
      if (marks.hydrated !== undefined && marks.nodes !== undefined) {
        const viewport = document.querySelector('.react-flow__viewport');
        const transform = viewport ? viewport.style.transform : '';
        if (transform === lastTransform) { marks.settled = now; resolve(marks); return; }
        lastTransform = transform;
      }
      if (now - started > timeoutMs) {
        reject(new Error('canvas not ready after ' + timeoutMs + ' ms: ' + JSON.stringify({ ...marks, nodesInDom: nodes.length, expected: count, hydrated: document.documentElement?.dataset.hydrated ?? null, url: location.pathname })));
        return;
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
  bench.nodePoint = (id, fy) => {
    const node = document.querySelector('.react-flow__node[data-id="' + id + '"]');
    if (!node) return null;
    const box = node.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height * fy, width: box.width, height: box.height, transform: node.style.transform };
  };
  bench.whenSelected = (id, timeoutMs) => new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = () => {
      const node = document.querySelector('.react-flow__node[data-id="' + id + '"]');
      if (node && node.classList.contains('selected')) { resolve(performance.now()); return; }
      if (performance.now() - started > timeoutMs) { reject(new Error('node ' + id + ' not selected after ' + timeoutMs + ' ms')); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  bench.startFrames = () => {
    const frames = { count: 0, start: performance.now(), last: performance.now(), longest: 0, running: true };
    const loop = (time) => {
      if (!frames.running) return;
      frames.count += 1;
      frames.longest = Math.max(frames.longest, time - frames.last);
      frames.last = time;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    bench.frames = frames;
  };
  bench.stopFrames = () => {
    const frames = bench.frames;
    frames.running = false;
    return { frames: frames.count, ms: performance.now() - frames.start, longestMs: frames.longest };
  };
  bench.startKeys = () => {
    const samples = [];
    const listener = (event) => {
      if (event.key.length !== 1) return;
      const target = event.target;
      const before = target && 'value' in target ? target.value : undefined;
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => {
        const after = target && 'value' in target ? target.value : undefined;
        samples.push({ ms: performance.now() - start, changed: after !== before, connected: Boolean(target && target.isConnected) });
      }, 0));
    };
    document.addEventListener('keydown', listener, true);
    bench.keys = { samples, listener };
  };
  bench.stopKeys = () => {
    document.removeEventListener('keydown', bench.keys.listener, true);
    return bench.keys.samples;
  };
  window.__bench = bench;
})();`;

/**
 * A diagnostic (BENCH_EDITOR_RENDERS=1): stands in for the React DevTools hook, which
 * React (production builds too) calls after every commit, and records per commit which
 * components rendered: fibers of function, class, forwardRef and memo components with
 * the PerformedWork flag, in subtrees React did not skip (as React DevTools decides).
 * Production names are minified, so each component is labelled with its name and its
 * first DOM element (data-testid with element ids replaced by *, else tag.first-class).
 * Relies on React internals (fiber tags and flags): approximate, for finding waste.
 * Stored in `window.__benchCommits` as { t, total, counts }.
 */
export const reactCommitsProbeScript = `(() => {
  const commits = [];
  const componentTags = new Set([0, 1, 11, 14, 15]);
  const nameOf = (type) => (type && (type.displayName || type.name || (type.type && (type.type.displayName || type.type.name)) || (type.render && type.render.name))) || '?';
  const label = (fiber) => {
    let child = fiber.child;
    for (let depth = 0; child && depth < 6; depth += 1, child = child.child) {
      if (child.tag === 5 && child.stateNode && child.stateNode.getAttribute) {
        const element = child.stateNode;
        const testId = element.getAttribute('data-testid');
        const where = testId ? testId : element.tagName.toLowerCase() + '.' + (element.getAttribute('class') || '').split(' ')[0];
        return nameOf(fiber.type) + '<' + where.replace(/[A-Za-z0-9]+-e[0-9]+/g, '*') + '>';
      }
    }
    return nameOf(fiber.type);
  };
  const rendered = (root) => {
    const counts = {};
    let total = 0;
    const stack = [root];
    while (stack.length > 0) {
      const fiber = stack.pop();
      if (componentTags.has(fiber.tag) && (fiber.flags & 1) === 1) {
        const key = label(fiber);
        counts[key] = (counts[key] || 0) + 1;
        total += 1;
      }
      if (fiber.child && !(fiber.alternate && fiber.alternate.child === fiber.child)) stack.push(fiber.child);
      if (fiber.sibling && fiber !== root) stack.push(fiber.sibling);
    }
    return { total, counts };
  };
  window.__benchCommits = commits;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject: () => 1,
    onCommitFiberRoot: (_id, root) => commits.push({ t: performance.now(), ...rendered(root.current) }),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onScheduleFiberRoot: () => {},
    checkDCE: () => {},
  };
})();`;

const commitsSchema = z.array(z.object({ t: z.number(), total: z.number(), counts: z.record(z.string(), z.number()) }));

/**
 * With BENCH_EDITOR_RENDERS=1 (reactCommitsProbeScript installed), prints the React
 * commits of the page from page time `from`: each commit (components rendered and the
 * most rendered) when there are at most `listed`, and the totals over all of them.
 */
export async function printCommits(page: Page, title: string, from: number, listed = 20): Promise<void> {
  if (process.env['BENCH_EDITOR_RENDERS'] !== '1') return;
  const commits = commitsSchema.parse(await page.evaluate('window.__benchCommits ?? []')).filter((commit) => commit.t >= from);
  const top = (counts: Record<string, number>, count: number): string =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, times]) => `${times}×${key}`)
      .join(', ');
  const all: Record<string, number> = {};
  for (const commit of commits) for (const [key, times] of Object.entries(commit.counts)) all[key] = (all[key] ?? 0) + times;
  console.log(`  React commits, ${title}: ${commits.length} commits, ${commits.reduce((sum, commit) => sum + commit.total, 0)} component renders`);
  if (commits.length <= listed) for (const commit of commits) console.log(`    ${commit.t.toFixed(0).padStart(6)} ms ${String(commit.total).padStart(5)}: ${top(commit.counts, 6)}`);
  console.log(`    most rendered: ${top(all, 10)}`);
}

const marksSchema = z.object({ hydrated: z.number(), nodes: z.number(), settled: z.number() });
const pointSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), transform: z.string() }).nullable();
const framesSchema = z.object({ frames: z.number(), ms: z.number(), longestMs: z.number() });
const keySamplesSchema = z.array(z.object({ ms: z.number(), changed: z.boolean(), connected: z.boolean() }));
const longTasksSchema = z.array(z.object({ start: z.number(), duration: z.number() }));

/** Waits (in the page, once per frame) until the canvas shows `count` nodes; when each condition was met. */
export async function whenCanvasReady(page: Page, count: number, timeoutMs = 30_000): Promise<z.infer<typeof marksSchema>> {
  return marksSchema.parse(await page.evaluate(`window.__bench.whenCanvasReady(${count}, ${timeoutMs})`));
}

/** A point on node `id` (its header: `fy` of its height from the top), or null when it is not on the page. */
export async function nodePoint(page: Page, id: string, fy = 0.15): Promise<z.infer<typeof pointSchema>> {
  return pointSchema.parse(await page.evaluate(`window.__bench.nodePoint(${JSON.stringify(id)}, ${fy})`));
}

/** The page time at the first frame where node `id` shows as selected. */
export async function whenSelected(page: Page, id: string, timeoutMs = 10_000): Promise<number> {
  return z.number().parse(await page.evaluate(`window.__bench.whenSelected(${JSON.stringify(id)}, ${timeoutMs})`));
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate('window.__bench.startFrames()');
}

export async function stopFrames(page: Page): Promise<z.infer<typeof framesSchema>> {
  return framesSchema.parse(await page.evaluate('window.__bench.stopFrames()'));
}

export async function startKeys(page: Page): Promise<void> {
  await page.evaluate('window.__bench.startKeys()');
}

export async function stopKeys(page: Page): Promise<z.infer<typeof keySamplesSchema>> {
  return keySamplesSchema.parse(await page.evaluate('window.__bench.stopKeys()'));
}

/** Long tasks since the page's navigation started. */
export async function longTasks(page: Page): Promise<z.infer<typeof longTasksSchema>> {
  return longTasksSchema.parse(await page.evaluate('window.__bench.longTasks'));
}

/** Total duration of the long tasks that started in [from, to) (page times). */
export function longTaskMs(tasks: readonly { start: number; duration: number }[], from: number, to: number): number {
  return tasks.filter((task) => task.start >= from && task.start < to).reduce((sum, task) => sum + task.duration, 0);
}

/**
 * With BENCH_PROFILE=1: a CPU profile of the page's main thread (Chrome DevTools
 * Protocol) while `work` runs, written to bench/results/profiles/editor-<name>.cpuprofile
 * (open it in Chrome DevTools' Performance panel); its heaviest functions by self time
 * are printed. Without it, just runs `work`.
 */
export async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (process.env['BENCH_PROFILE'] !== '1') return work();
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.send('Profiler.stop');
    const dir = resolve(import.meta.dirname, '..', 'results', 'profiles');
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, `editor-${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`profile: ${file}\n${heaviestFunctions(profile).join('\n')}`);
    await session.detach();
  }
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };

/** The 15 functions with the most self time in a CPU profile, as "ms  name  file:line:column". */
function heaviestFunctions(profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }): string[] {
  const samples = profile.samples ?? [];
  const msPerSample = samples.length > 0 ? (profile.endTime - profile.startTime) / 1_000 / samples.length : 0;
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*\/_next\//, '')}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([key, hits]) => `  ${(hits * msPerSample).toFixed(1).padStart(8)} ms  ${key}`);
}

import { mkdir, writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * With BENCH_PROFILE set, records a CPU profile of `work` in `page` (written to bench/profiles/,
 * to open in Chromium's DevTools) and prints the functions with the most self time.
 */
export async function profiled<T>(page: Page, label: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return work();
  if (process.env.BENCH_PROFILE === 'trace') return traced(page, label, work);
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
  };
  await mkdir('bench/profiles', { recursive: true });
  await writeFile(`bench/profiles/${label}.cpuprofile`, JSON.stringify(profile));
  const total = profile.samples.length;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  const ms = (profile.endTime - profile.startTime) / 1000;
  console.error(`\n${label}: ${ms.toFixed(0)} ms profiled; self time by function:`);
  for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.error(`${((hits / total) * ms).toFixed(1).padStart(8)} ms  ${key}`);
  }
  await cdp.detach();
  return result;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  args?: { beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] } };
}

/** With BENCH_PROFILE=trace: a Chromium trace of `work` (bench/profiles/), summed by event name. */
async function traced<T>(page: Page, label: string, work: () => Promise<T>): Promise<T> {
  const browser = page.context().browser();
  if (!browser) return work();
  // With what invalidated style, layout and paint: which change made a frame costly.
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.invalidationTracking',
    ],
  });
  const result = await work();
  const buffer = await browser.stopTracing();
  await mkdir('bench/profiles', { recursive: true });
  await writeFile(`bench/profiles/${label}.trace.json`, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The renderer's main thread: of the threads named CrRendererMain, the busiest.
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
      .map((e) => e.tid),
  );
  const busy = new Map<number, number>();
  for (const e of events)
    if (mains.has(e.tid) && e.name === 'RunTask') busy.set(e.tid, (busy.get(e.tid) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sums = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tid !== main || !e.dur) continue;
    const entry = sums.get(e.name) ?? { ms: 0, count: 0 };
    entry.ms += e.dur / 1000;
    entry.count++;
    sums.set(e.name, entry);
  }
  console.error(`\n${label}: trace events on the main thread (inclusive times):`);
  for (const [name, { ms, count }] of [...sums].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
    console.error(`${ms.toFixed(1).padStart(8)} ms ${String(count).padStart(6)}×  ${name}`);
  }
  const forced = events.filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace?.length);
  for (const e of forced.slice(0, 10)) {
    const frame = e.args?.beginData?.stackTrace?.[0];
    console.error(
      `forced layout ${((e.dur ?? 0) / 1000).toFixed(1)} ms at ${frame?.functionName} ${frame?.url.split('/').pop()}:${frame?.lineNumber}`,
    );
  }
  return result;
}

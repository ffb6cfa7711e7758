import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openCorpus } from '../../src/main/services/corpus';
import { narrativesCodebook } from '../../src/shared/codebooks/narratives';
import { labelledJson, toLabelledJson } from '../../src/shared/formats/labelled-json';
import { compareByPosition } from '../../src/shared/model/annotation';
import { tagById } from '../../src/shared/model/codebook';
import { splitLines } from '../../src/shared/text/lines';
import { runsByLine } from '../../src/shared/text/runs';
import { annotationsFor, claimSpans, newsArticle, seeded } from '../data';
import { figure, type Measurement, median } from '../measure';
import type { ReaderPayload } from './pages/reader-page';
import { profiled } from './profile';
import { startHost, startStatic } from './servers';

export const FRAME_MS = 1000 / 60;

/** Claims created by keyboard for figure 2 (the first, warming up, not counted). */
const CREATIONS = 25;

export interface ReaderOptions {
  browser: Browser;
  probe: string;
  workDir: string;
  renderer: string;
  pages: string;
  hostPort: number;
  staticPort: number;
  runs: number;
  claims: number;
  length: number;
  /** Measures 2, 2b and 3 a second time with one core kept busy (BENCH_BUSY=0 leaves it out). */
  busy?: boolean;
}

/** How long the busy process runs at most: longer than the busy run of 2, 2b and 3 takes. */
const BUSY_SECONDS = 240;

/**
 * A process that keeps one core busy for `seconds` and then ends by itself, so that a benchmark
 * that fails never leaves it behind; killed as soon as the measuring is done.
 */
function keepACoreBusy(seconds: number): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-e', `const end = Date.now() + ${seconds * 1000}; while (Date.now() < end);`],
    {
      stdio: 'ignore',
    },
  );
  child.unref();
  return child;
}

/** Evaluates `window.__bench.<call>` in the page (a string, so no function is shipped across). */
const call = <T>(page: Page, expression: string): Promise<T> => page.evaluate(`window.__bench.${expression}`);
const json = (value: unknown) => JSON.stringify(value);

/**
 * A corpus of one long news article and a short note, and a colleague's labelled JSON file with
 * `claims` claims on the article, as the app exports them.
 */
async function prepare(options: ReaderOptions) {
  const corpusDir = join(options.workDir, 'reader-corpus');
  await mkdir(corpusDir, { recursive: true });
  const random = seeded(2021);
  await writeFile(join(corpusDir, 'a-note.txt'), newsArticle(random, 1_000, 'A short note'));
  await writeFile(
    join(corpusDir, 'b-long-read.txt'),
    newsArticle(random, options.length, 'Minsk and Moscow discuss integration: the long read'),
  );
  const corpus = await openCorpus(corpusDir);
  const summary = corpus.listing().documents.find((d) => d.id === 'b-long-read.txt');
  const note = corpus.listing().documents.find((d) => d.id === 'a-note.txt');
  if (!summary || !note) throw new Error('the benchmark corpus was not read');
  const served = await corpus.document(summary.id);
  const shortText = (await corpus.document(note.id)).text;
  const spans = claimSpans(random, served.text, options.claims);
  const annotations = annotationsFor(random, served, spans, { annotator: 'Boris Colleague', time: 1_790_000_000_000 });
  const file = labelledJson.serialize(
    toLabelledJson({
      exportedAt: '2026-11-22T10:00:00.000Z',
      app: { name: 'Framing Workbench', version: 'bench' },
      annotator: 'Boris Colleague',
      codebook: narrativesCodebook,
      documents: [{ id: served.id, title: served.title, language: served.language, sha256: served.sha256 }],
      annotations,
    }),
  );
  const claimsFile = join(options.workDir, 'colleague.json');
  await writeFile(claimsFile, file);

  // What the reader draws: the app sorts claims by position, then cuts each line into runs.
  const sorted = [...annotations].sort(compareByPosition);
  const lines = splitLines(served.text);
  const runs = runsByLine(
    lines,
    sorted.map((a) => ({ id: a.id, start: a.target.start, end: a.target.end })),
  );
  const colourOf = (tag: string) => tagById(narrativesCodebook, tag)?.colour ?? '#888888';
  const lineOf = new Map<number, number>();
  let joined = 0;
  for (const line of lines) {
    lineOf.set(line.start, joined);
    joined += line.end - line.start;
  }
  const peer = sorted.map((a) => {
    const line = lines[lines.findLastIndex((l) => l.start <= a.target.start)] as { start: number };
    const start = (lineOf.get(line.start) as number) + a.target.start - line.start;
    return {
      id: a.id,
      start,
      end: start + a.target.end - a.target.start,
      quote: a.target.exact,
      colour: colourOf(a.tags[0] as string),
    };
  });
  const payload: ReaderPayload = {
    title: served.title,
    text: served.text,
    lines,
    runs,
    colours: Object.fromEntries(sorted.map((a) => [a.id, colourOf(a.tags[0] as string)])),
    peer,
  };
  const dataDir = join(options.workDir, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'reader.json'), JSON.stringify(payload));
  const marks = runs.flat().filter((r) => r.ids.length > 0).length;
  // Word ranges to claim by keyboard: three words in the middle of long lines spread over the text.
  const targets = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.end - line.start > 300)
    .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 12)) === 0)
    .map(({ line, index }) => {
      const text = served.text.slice(line.start, line.end);
      const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
      const first = words[Math.floor(words.length / 2)] as RegExpMatchArray;
      const last = words[Math.floor(words.length / 2) + 2] as RegExpMatchArray;
      return { line: index, start: first.index as number, end: (last.index as number) + last[0].length };
    });
  return {
    corpusDir,
    claimsFile,
    dataDir,
    served,
    marks,
    targets,
    longTitle: summary.title,
    shortTitle: note.title,
    shortText,
  };
}

async function openApp(page: Page, url: string) {
  await page.goto(url);
  const name = page.getByLabel('Your name');
  const reader = page.getByLabel('Document text');
  await name.or(reader).first().waitFor();
  if (await name.isVisible()) {
    // The colleague whose claims are imported: suggestions learn from the analyst's own claims,
    // so every figure is measured with the document's suggestions shown.
    await name.fill('Boris Colleague');
    await page.getByRole('button', { name: 'Start annotating' }).click();
  }
  await reader.waitFor();
}

/** Items 1–3: open the long document, create a claim by keyboard, scroll through it. */
export async function readerBenchmarks(options: ReaderOptions): Promise<Measurement[]> {
  const data = await prepare(options);
  const host = await startHost({
    port: options.hostPort,
    corpus: data.corpusDir,
    renderer: options.renderer,
    backups: join(options.workDir, 'backups-reader'),
  });
  const pages = await startStatic(options.staticPort, { '/data/': data.dataDir, '/': options.pages });
  const context = await options.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: options.probe });
  try {
    const app = await context.newPage();
    await openApp(app, host.url);
    // The claims arrive as an analyst brings in work done elsewhere: through the Import dialog.
    await app.getByLabel('Annotation files to import').setInputFiles(data.claimsFile);
    const report = app.getByRole('dialog', { name: 'Import report' });
    await report.waitFor();
    const said = await report.textContent();
    if (!said?.includes(`${options.claims.toLocaleString('en')} claims imported`)) {
      throw new Error(`the import did not take every claim: ${said}`);
    }
    await report.getByRole('button', { name: 'Close' }).click();
    await call(app, `showInApp(${json(data.longTitle)}, ${json(data.served.text)})`);
    const size = await app.evaluate(
      "(() => { const s = document.querySelector('.reader-scroll'); return { width: s.clientWidth, height: s.clientHeight }; })()",
    );
    const { width, height } = size as { width: number; height: number };
    const dom = await context.newPage();
    const peer = await context.newPage();
    const domUrl = `${pages.url}/dom.html?width=${width}&height=${height}`;
    const peerUrl = `${pages.url}/peer.html?width=${width}&height=${height}`;

    const openRuns = { app: [] as number[], dom: [] as number[], peer: [] as number[], suggested: [] as number[] };
    const openAppOnce = async () => {
      await app.bringToFront();
      await call(app, `showInApp(${json(data.shortTitle)}, ${json(data.shortText)})`);
      const { open, suggested } = await call<{ open: number; suggested: number }>(
        app,
        `openSuggested(${json(data.longTitle)}, ${data.marks})`,
      );
      openRuns.suggested.push(suggested);
      return open;
    };
    const openPage = async (page: Page, url: string, selector: string, atLeast: number) => {
      await page.bringToFront();
      await page.goto(url);
      return call<number>(page, `openInPage(${json(selector)}, ${atLeast})`);
    };
    const openDom = () => openPage(dom, domUrl, '[aria-label="Document text"] mark[data-claim-ids]', data.marks);
    const openPeer = () => openPage(peer, peerUrl, '.r6o-span-highlight-layer .r6o-annotation', 1);
    // One untimed round to warm every cache, then rounds in turn so that all three see the same machine.
    await openDom();
    await openPeer();
    await openAppOnce();
    await profiled(app, 'open', openAppOnce);
    await profiled(dom, 'open-dom', openDom);
    await profiled(peer, 'open-peer', openPeer);
    for (let i = 0; i < options.runs; i++) {
      openRuns.dom.push(await openDom());
      openRuns.peer.push(await openPeer());
      openRuns.app.push(await openAppOnce());
    }
    // The app keeps the claims of the last documents it showed: a first open in a fresh window
    // also waits for IndexedDB to read them. The window is reloaded on the short note, so the
    // long read is not the document it comes back to.
    const firstRuns: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      await app.bringToFront();
      await call(app, `showInApp(${json(data.shortTitle)}, ${json(data.shortText)})`);
      await app.reload();
      await app.getByLabel('Document text').waitFor();
      await call(app, `showInApp(${json(data.shortTitle)}, ${json(data.shortText)})`);
      firstRuns.push(
        await profiled(app, `first-open-${i}`, () =>
          call<number>(app, `openInApp(${json(data.longTitle)}, ${data.marks})`),
        ),
      );
    }
    const elements = {
      app: await call<Record<string, number>>(app, 'elementCounts()'),
      dom: await call<Record<string, number>>(dom, 'elementCounts()'),
      peer: await call<Record<string, number>>(peer, 'elementCounts()'),
    };
    const chars = options.length.toLocaleString('en');
    const claims = options.claims.toLocaleString('en');
    const results: Measurement[] = [
      figure({
        id: '1a',
        name: `open a ${chars}-character document with ${claims} claims until painted (opened before in this window)`,
        runs: options.runs,
        unit: 'ms',
        value: median(openRuns.app),
        baseline: median(openRuns.dom),
        baselineName: 'the same text and <mark>s written into the DOM',
        details: { appRuns: openRuns.app, domRuns: openRuns.dom, marks: data.marks, elements },
      }),
      figure({
        id: '1b',
        name: `open the same document, against the peer library`,
        runs: options.runs,
        unit: 'ms',
        value: median(openRuns.app),
        baseline: median(openRuns.peer),
        baselineName: '@recogito/text-annotator 3.4.10',
        details: { appRuns: openRuns.app, peerRuns: openRuns.peer },
      }),
      figure({
        id: '12c',
        name: 'open it until its suggestions, learned from its claims, are listed and drawn',
        runs: options.runs,
        unit: 'ms',
        value: median(openRuns.suggested),
        baseline: median(openRuns.app),
        baselineName: 'opening it until its claims are painted (1a)',
        details: { suggestedRuns: openRuns.suggested, appRuns: openRuns.app },
      }),
      figure({
        id: '1c',
        name: 'open it first in a fresh window (its claims read from IndexedDB)',
        runs: options.runs,
        unit: 'ms',
        value: median(firstRuns),
        baseline: median(openRuns.dom),
        baselineName: 'the same text and <mark>s written into the DOM',
        details: { appRuns: firstRuns },
      }),
    ];

    /**
     * Figures 2, 2b and 3: claims made by keyboard and a scroll through the document. `busy`
     * names the run made while another process keeps a core busy (the ids get "-busy").
     */
    const keysAndScroll = async (busy: boolean): Promise<Measurement[]> => {
      const measured: Measurement[] = [];
      const id = (base: string) => (busy ? `${base}-busy` : base);
      const named = (name: string) => (busy ? `${name}, one core kept busy by another process` : name);
      // 2: select three words, press the tag's hotkey, until the new mark is painted (and stored).
      await app.bringToFront();
      await call(app, `openInApp(${json(data.longTitle)}, ${data.marks})`);
      await dom.bringToFront();
      await dom.goto(domUrl);
      await call(dom, `openInPage('[aria-label="Document text"] mark[data-claim-ids]', ${data.marks})`);
      await app.bringToFront();
      const createRuns: number[] = [];
      const domCreateRuns: number[] = [];
      // More than the other figures' runs: where the key press falls between two display refreshes
      // moves each one by up to a frame.
      const creations = Math.max(CREATIONS, options.runs + 1);
      for (let i = 0; i < creations; i++) {
        const target = data.targets[i % data.targets.length] as (typeof data.targets)[number];
        // Armed first: its own work (collecting the claims drawn) stays clear of the key press.
        await call(app, 'armKey()');
        await call(app, `selectInLine(${target.line}, ${target.start}, ${target.end})`);
        // Watched from inside the page: Playwright's own wait polls every animation frame, which
        // keeps Chromium producing frames up to the key press.
        await call(app, `appeared(${json('[role="toolbar"][aria-label="Tag the selection"]')})`);
        await call(app, 'nextPaint()');
        const { id, ms } = await profiled(app, `create-${i}`, async () => {
          await app.keyboard.press('1');
          return call<{ id: string; ms: number }>(app, 'newClaimPainted()');
        });
        if (!(await call<boolean>(app, `stored(${json(id)})`))) throw new Error(`claim ${id} was drawn but not stored`);
        await app.getByText('All changes saved').waitFor();
        await app.waitForTimeout(300);
        // 2b, in turn with the app's: the same key press on the plain page, which only wraps the words in a mark.
        // Each page is given a moment after coming to the front, where it repaints as a whole.
        await dom.bringToFront();
        await dom.waitForTimeout(100);
        await call(dom, 'armKey()');
        await call(dom, `selectInLine(${target.line}, ${target.start}, ${target.end})`);
        await call(dom, 'nextPaint()');
        const plain = await profiled(dom, `create-dom-${i}`, async () => {
          await dom.keyboard.press('1');
          return call<{ id: string; ms: number }>(dom, 'newClaimPainted()');
        });
        await dom.waitForTimeout(300);
        await app.bringToFront();
        await app.waitForTimeout(100);
        if (i > 0) {
          createRuns.push(ms);
          domCreateRuns.push(plain.ms);
        }
      }
      measured.push(
        figure({
          id: id('2'),
          name: named('create one claim by keyboard until painted and stored'),
          runs: createRuns.length,
          unit: 'ms',
          value: median(createRuns),
          baseline: FRAME_MS,
          baselineName: 'one animation frame',
          details: { runs: createRuns },
        }),
        figure({
          id: id('2b'),
          name: named('the same, against a plain page whose key press only wraps the words in a <mark>'),
          runs: createRuns.length,
          unit: 'ms',
          value: median(createRuns),
          baseline: median(domCreateRuns),
          baselineName: 'the same text and <mark>s written into the DOM',
          details: { runs: createRuns, domRuns: domCreateRuns },
        }),
      );

      // 3: scroll the reader from top to bottom, a step per frame; count frames that missed the budget.
      const over = (frames: number[]) => frames.filter((ms) => ms > FRAME_MS * 1.5).length;
      const scrollRuns = { app: [] as number[][], dom: [] as number[][] };
      await dom.bringToFront();
      await dom.goto(domUrl);
      await call(dom, `openInPage('[aria-label="Document text"] mark[data-claim-ids]', ${data.marks})`);
      for (let i = 0; i < Math.max(2, Math.ceil(options.runs / 2)); i++) {
        await dom.bringToFront();
        scrollRuns.dom.push(await call<number[]>(dom, "scrollFrames('.reader-scroll', 120)"));
        await app.bringToFront();
        scrollRuns.app.push(await call<number[]>(app, "scrollFrames('.reader-scroll', 120)"));
      }
      const share = (runs: number[][]) => median(runs.map((frames) => (100 * over(frames)) / frames.length));
      const appShare = share(scrollRuns.app);
      const domShare = share(scrollRuns.dom);
      const oneFrame = 100 / median(scrollRuns.dom.map((f) => f.length));
      measured.push(
        figure({
          id: id('3'),
          name: named('scroll through that document: frames over budget (a missed frame)'),
          runs: scrollRuns.app.length,
          unit: '% of frames',
          value: appShare,
          baseline: domShare,
          baselineName: 'the same scroll of the DOM baseline',
          // Against at least one frame, so that a baseline without a missed frame still gives a ratio.
          ratio: appShare / Math.max(domShare, oneFrame),
          details: {
            appFrames: scrollRuns.app.map((f) => f.length),
            appOver: scrollRuns.app.map(over),
            appP95: scrollRuns.app.map((f) => percentile(f, 0.95)),
            domFrames: scrollRuns.dom.map((f) => f.length),
            domOver: scrollRuns.dom.map(over),
            domP95: scrollRuns.dom.map((f) => percentile(f, 0.95)),
          },
        }),
      );
      return measured;
    };
    results.push(...(await keysAndScroll(false)));
    if (options.busy) {
      const load = keepACoreBusy(BUSY_SECONDS);
      try {
        results.push(...(await keysAndScroll(true)));
      } finally {
        load.kill();
      }
    }
    return results;
  } finally {
    await context.close();
    await pages.close();
    await host.close();
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1));
}

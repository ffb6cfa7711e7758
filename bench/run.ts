import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { analysisBenchmarks } from './analysis-bench';
import { buildApp, buildPages, buildProbe } from './browser/build';
import { memoryBenchmark } from './browser/memory-bench';
import { readerBenchmarks } from './browser/reader-bench';
import { repositoryBenchmarks } from './browser/repository-bench';
import { corpusBenchmarks, generateCorpus } from './corpus-bench';
import { interchangeBenchmarks } from './interchange-bench';
import { largeCorpusBenchmarks } from './large-corpus-bench';
import { type Measurement, markdownTable } from './measure';
import { reviewBenchmarks } from './review-bench';
import { suggestionBenchmarks } from './suggestions-bench';

/**
 * `npm run bench`: each figure is the median of several runs next to a baseline measured in the
 * same run on the same data. Writes bench/results.json and prints a markdown table.
 *
 * BENCH_QUICK=1     fewer runs and less data, for iterating (not for the README)
 * BENCH_RUNS        runs of the reader's figures (default 7, quick 3): more to compare two builds
 * BENCH_DOCUMENTS   documents in the generated corpus of items 6 and 8 (default 10,000)
 * BENCH_BUSY=0      leaves out the second run of 2, 2b and 3 with one core kept busy
 * BENCH_ARTICLES    articles in the generated JSONL dump of item 10 (default 100,000)
 * BENCH_ONLY        a comma-separated subset of: reader, repository, corpus, large, review, interchange,
 *                   suggestions, analysis, memory
 * BENCH_RENDERER    an already built renderer to serve instead of building the work tree's
 * BENCH_PORT        first of three free ports (default 5480)
 * BENCH_CHROMIUM    the Chromium to drive (default /usr/bin/chromium)
 * BENCH_PROFILE=1   an unminified build, and CPU profiles of opening and creating in bench/profiles/
 */
const quick = process.env.BENCH_QUICK === '1';
const documents = Number(process.env.BENCH_DOCUMENTS ?? (quick ? 1_000 : 10_000));
const articles = Number(process.env.BENCH_ARTICLES ?? (quick ? 10_000 : 100_000));
const only = new Set(
  (process.env.BENCH_ONLY ?? 'reader,repository,corpus,large,review,interchange,suggestions,analysis,memory').split(
    ',',
  ),
);
const port = Number(process.env.BENCH_PORT ?? 5480);
const started = performance.now();
const log = (message: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const workDir = await mkdtemp(join(tmpdir(), 'framing-bench-'));
const results: Measurement[] = [];
let browser: Browser | undefined;
let chromiumVersion = '';
try {
  const browserSide = ['reader', 'repository', 'memory'].some((part) => only.has(part));
  let renderer = process.env.BENCH_RENDERER ? resolve(process.env.BENCH_RENDERER) : join(workDir, 'renderer');
  const pages = join(workDir, 'pages');
  let probe = '';
  if (browserSide) {
    if (!process.env.BENCH_RENDERER) {
      log('building the renderer from the work tree');
      await buildApp(renderer, { minify: !process.env.BENCH_PROFILE });
    }
    log('building the baseline pages');
    await buildPages(pages);
    probe = await buildProbe();
    browser = await chromium.launch({
      executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    chromiumVersion = browser.version();
  } else renderer = '';
  const runs = Number(process.env.BENCH_RUNS ?? (quick ? 3 : 7));

  if (only.has('reader') && browser) {
    log('1–3: open, create a claim, scroll (Chromium)');
    results.push(
      ...(await readerBenchmarks({
        browser,
        probe,
        workDir,
        renderer,
        pages,
        hostPort: port,
        staticPort: port + 2,
        runs,
        claims: 2_000,
        length: 100_000,
        busy: process.env.BENCH_BUSY !== '0',
      })),
    );
  }
  if (only.has('repository') && browser) {
    log('4–5: write, export and import 100,000 annotations (Chromium)');
    results.push(
      ...(await repositoryBenchmarks({
        browser,
        pages,
        staticPort: port + 2,
        runs: quick ? 2 : 5,
        annotations: quick ? 20_000 : 100_000,
      })),
    );
  }
  const corpusDir = join(workDir, 'corpus');
  if (only.has('corpus') || only.has('memory')) {
    log(`generating a ${documents.toLocaleString('en')}-document corpus`);
    await generateCorpus(corpusDir, documents);
  }
  if (only.has('corpus')) {
    log('6: list and search the corpus (Node)');
    results.push(...(await corpusBenchmarks(corpusDir, documents, quick ? 1 : 3)));
  }
  if (only.has('large')) {
    log(`10: a ${articles.toLocaleString('en')}-article JSONL dump: list, search, reopen (Node)`);
    results.push(...(await largeCorpusBenchmarks(workDir, articles, quick ? 1 : 3)));
  }
  if (only.has('review')) {
    log('7: agreement and merge (Node)');
    results.push(...(await reviewBenchmarks()));
  }
  if (only.has('suggestions')) {
    log('12: suggestions from repeats (Node)');
    results.push(...(await suggestionBenchmarks(quick ? 1 : 5)));
  }
  if (only.has('analysis')) {
    log('13: the Analyse matrix (Node)');
    results.push(...(await analysisBenchmarks(quick ? 1 : 5)));
  }
  if (only.has('interchange')) {
    log('9: REFI-QDA import and export (Node)');
    results.push(...(await interchangeBenchmarks(quick ? 1 : 3)));
  }
  if (only.has('memory') && browser) {
    log('8: peak renderer memory listing the corpus with 100,000 annotations stored (Chromium)');
    results.push(
      await memoryBenchmark({
        browser,
        probe,
        workDir,
        renderer,
        corpusDir,
        hostPort: port + 1,
        runs: quick ? 1 : 3,
        annotations: 100_000,
      }),
    );
  }
} finally {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
}

const browserName = chromiumVersion ? `, Chromium ${chromiumVersion}` : '';
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${browserName}`;
const date = new Date().toISOString().slice(0, 10);
await mkdir('bench', { recursive: true });
await writeFile(
  'bench/results.json',
  `${JSON.stringify({ machine, date, quick, seconds: Math.round((performance.now() - started) / 1000), results }, null, 2)}\n`,
);
log('done: bench/results.json');
console.log(markdownTable(machine, date, results));

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Corpus, openCorpus } from '../src/main/services/corpus';
import { newsArticle, seeded } from './data';
import { figure, type Measurement, measure, median } from './measure';

/** Outlets of the dump, so that its articles carry sources as real dumps do. */
const OUTLETS = ['belta.by', 'tass.ru', 'ria.ru', 'nashaniva.by', 'reform.by', 'euroradio.fm'];

/** `count` news articles of about 3 kB, one JSON object per line, as a monitoring service exports them. */
export async function generateJsonl(file: string, count: number): Promise<void> {
  const random = seeded(7);
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const record = {
      id: `a${i}`,
      title: `Minsk and Moscow discuss integration ${i}`,
      date: `2021-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      source: OUTLETS[i % OUTLETS.length],
      text: newsArticle(random, 3000, `Minsk and Moscow discuss integration ${i}`),
    };
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `work` while sampling this process's resident memory; gives its time and the peak's growth in MB. */
async function withPeakMemory(work: () => Promise<unknown>): Promise<{ ms: number; peakMB: number }> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, peakMB: (peak - before) / 1024 / 1024 };
}

/** The plain way to go through the dump: its lines, streamed, and whatever `each` does with them. */
async function streamLines(file: string, each: (line: string) => void = () => undefined): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) each(line);
}

/**
 * Items 10a–10d: a JSONL dump of `count` articles (100,000 by default: hundreds of MB) listed,
 * searched and reopened with the saved index, against streaming the same file line by line.
 */
export async function largeCorpusBenchmarks(workDir: string, count: number, runs: number): Promise<Measurement[]> {
  const folder = join(workDir, 'dump');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'dump.jsonl');
  await generateJsonl(file, count);
  // Files modified within two seconds of an index's save are read again; let this one age.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const label = `${count.toLocaleString('en')}-article JSONL`;
  const results: Measurement[] = [];

  const streamed = await withPeakMemory(() => streamLines(file));
  const indexes = await mkdtemp(join(workDir, 'index-'));
  // Opens the dump (and answers one search, when asked), timed and with the peak memory.
  const open = async (query?: string) => {
    let opened: Corpus | undefined;
    const cost = await withPeakMemory(async () => {
      opened = await openCorpus(folder, { index: indexes });
      if (query) opened.search(query);
    });
    if (!opened) throw new Error('the dump did not open');
    return { corpus: opened, ...cost };
  };
  {
    // In a block, so that the listed corpus is gone before the dump is reopened.
    const { corpus: first, ...listed } = await open();
    const documents = first.listing().documents.length;
    if (documents !== count) throw new Error(`listed ${documents} of ${count} articles`);
    results.push(
      figure({
        id: '10a',
        name: `list a ${label} (first open)`,
        runs: 1,
        unit: 'ms',
        value: listed.ms,
        baseline: streamed.ms,
        baselineName: 'stream its lines with readline',
      }),
      figure({
        id: '10b',
        name: `peak memory listing a ${label}`,
        runs: 1,
        unit: 'MB',
        value: listed.peakMB,
        baseline: streamed.peakMB,
        baselineName: 'streaming its lines',
        details: { perArticleKB: (listed.peakMB * 1024) / count },
      }),
    );

    const typed = [
      's',
      'sa',
      'san',
      'sanc',
      'sanct',
      'sanctions',
      'sanctions m',
      'sanctions mini',
      'sanctions minister',
    ];
    let hits = 0;
    // Resolves to nothing: a number would be read as the run's own timing (see measure.ts).
    const scan = async () => {
      hits = 0;
      await streamLines(file, (line) => {
        if (line.includes('sanctions') && line.includes('minister')) hits++;
      });
    };
    results.push(
      await measure('10c', `search a ${label} as the query is typed (each keystroke)`, runs, {
        subject: async () => {
          const times: number[] = [];
          for (const query of typed) {
            const start = performance.now();
            first.search(query);
            times.push(performance.now() - start);
          }
          return median(times);
        },
        baseline: scan,
        baselineName: 'a linear scan of the dump (stream, test each line)',
      }),
    );
    const [searched] = results.slice(-1);
    if (searched) searched.details = { ...searched.details, linesWithBothWords: hits };
    first.close();
  }

  const { corpus: second, ...reopened } = await open('sanctions minister');
  second.close();
  const again = await withPeakMemory(() => streamLines(file));
  results.push(
    figure({
      id: '10d',
      name: `reopen an unchanged ${label} and answer a search`,
      runs: 1,
      unit: 'ms',
      value: reopened.ms,
      baseline: again.ms,
      baselineName: 'stream its lines with readline',
      details: { indexing: second.indexing, peakMB: reopened.peakMB },
    }),
  );
  await rm(indexes, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
  return results;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { corpusBenchmarks } from './corpus-bench';
import type { Measurement } from './measure';
import { reviewBenchmarks } from './review-bench';

/**
 * `npm run bench`: each figure is the median of several runs next to a baseline measured in the
 * same run on the same data. Writes bench/results.json and prints a markdown table.
 */
const count = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const results: Measurement[] = [...(await corpusBenchmarks(count)), ...(await reviewBenchmarks())];

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
  '',
  '| Benchmark | Median | Baseline (same run) | Ratio |',
  '| --- | ---: | --- | ---: |',
  ...results.map(
    (r) => `| ${r.name} | ${ms(r.subjectMs)} ms | ${r.baselineName}: ${ms(r.baselineMs)} ms | ${r.ratio.toFixed(2)}× |`,
  ),
].join('\n');

await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', `${JSON.stringify({ machine, results }, null, 2)}\n`);
console.log(table);

export type Unit = 'ms' | 'MB' | '% of frames';

export interface Measurement {
  /** A stable key that budgets refer to. */
  id: string;
  name: string;
  runs: number;
  unit: Unit;
  /** Median of the runs, in `unit`. */
  value: number;
  /** Median of the baseline's runs, in `unit`, measured in the same run on the same data. */
  baseline: number;
  baselineName: string;
  /** value / baseline: below 1 is better than the baseline. */
  ratio: number;
  /** Anything else worth keeping (every run, counts). */
  details?: Record<string, unknown>;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** A figure from medians already taken, with its ratio to the baseline. */
export function figure(fields: Omit<Measurement, 'ratio'> & { ratio?: number }): Measurement {
  return { ...fields, ratio: fields.ratio ?? fields.value / fields.baseline };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const result = await run();
  // A run that timed itself (in the browser, from the page's own clock) returns its milliseconds.
  return typeof result === 'number' ? result : performance.now() - start;
}

export interface Work {
  subject: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  baselineName: string;
  /** Untimed, before each timed pair (a page reload, a cleared table). */
  reset?: () => Promise<unknown>;
}

/**
 * Runs the subject and its baseline alternately on the same data, so that both see the same
 * machine state, and reports the medians and their ratio. A function returning a number has
 * timed itself and that number is taken as its milliseconds.
 */
export async function measure(id: string, name: string, runs: number, work: Work): Promise<Measurement> {
  const subject: number[] = [];
  const baseline: number[] = [];
  await work.reset?.();
  await work.baseline();
  await work.reset?.();
  await work.subject();
  for (let i = 0; i < runs; i++) {
    await work.reset?.();
    baseline.push(await time(work.baseline));
    await work.reset?.();
    subject.push(await time(work.subject));
  }
  return figure({
    id,
    name,
    runs,
    unit: 'ms',
    value: median(subject),
    baseline: median(baseline),
    baselineName: work.baselineName,
    details: { subjectRuns: subject, baselineRuns: baseline },
  });
}

const format = (value: number, unit: string) =>
  `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ${unit === '% of frames' ? '%' : unit}`;

/** The results as a markdown table. */
export function markdownTable(machine: string, date: string, results: readonly Measurement[]): string {
  return [
    `Measured ${date} on ${machine}.`,
    '',
    '| # | Benchmark | Median | Baseline (same run) | Ratio |',
    '| --- | --- | ---: | --- | ---: |',
    ...results.map(
      (r) =>
        `| ${r.id} | ${r.name} | ${format(r.value, r.unit)} | ${r.baselineName}: ${format(r.baseline, r.unit)} | ${r.ratio.toFixed(2)}× |`,
    ),
  ].join('\n');
}

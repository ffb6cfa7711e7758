export interface Measurement {
  name: string;
  runs: number;
  /** Median milliseconds. */
  subjectMs: number;
  baselineMs: number;
  baselineName: string;
  /** subject / baseline: below 1 is faster than the baseline. */
  ratio: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Runs the subject and its baseline alternately on the same data, so that both see the same
 * machine state, and reports the medians and their ratio.
 */
export async function measure(
  name: string,
  runs: number,
  work: { subject: () => Promise<unknown>; baseline: () => Promise<unknown>; baselineName: string },
): Promise<Measurement> {
  const subject: number[] = [];
  const baseline: number[] = [];
  await work.baseline();
  await work.subject();
  for (let i = 0; i < runs; i++) {
    baseline.push(await time(work.baseline));
    subject.push(await time(work.subject));
  }
  const subjectMs = median(subject);
  const baselineMs = median(baseline);
  return { name, runs, subjectMs, baselineMs, baselineName: work.baselineName, ratio: subjectMs / baselineMs };
}

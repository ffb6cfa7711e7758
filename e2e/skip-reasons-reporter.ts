import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints why each skipped test skipped, which the list reporter leaves out. */
export default class SkipReasonsReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? 'no reason given');
    console.log(`  skipped: ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ')}`);
  }
}

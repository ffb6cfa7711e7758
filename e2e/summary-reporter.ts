import type { FullConfig, Reporter, Suite } from '@playwright/test/reporter';

/**
 * Says why each skipped test skipped (the list reporter leaves it out) and ends with one plain
 * "N passed, N failed, N skipped" line that any CI log reader understands.
 */
export default class SummaryReporter implements Reporter {
  private suite: Suite | undefined;

  onBegin(_config: FullConfig, suite: Suite) {
    this.suite = suite;
  }

  onEnd() {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'skipped') {
        counts.skipped++;
        const reasons = test.annotations.filter((a) => a.type === 'skip').map((a) => a.description ?? 'no reason');
        console.log(`skipped: ${test.titlePath().filter(Boolean).join(' › ')}: ${reasons.join('; ')}`);
      } else if (outcome === 'expected' || outcome === 'flaky') counts.passed++;
      else counts.failed++;
    }
    console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}

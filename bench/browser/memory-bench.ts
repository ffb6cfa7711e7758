import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { figure, type Measurement, median } from '../measure';
import { startHost } from './servers';

export interface MemoryOptions {
  browser: Browser;
  probe: string;
  workDir: string;
  renderer: string;
  corpusDir: string;
  hostPort: number;
  runs: number;
  annotations: number;
}

const MB = 2 ** 20;

/**
 * Loads the app in a new tab and lists the corpus, then searches it, sampling the renderer's
 * JavaScript heap (CDP Performance.getMetrics) all the while; returns the peak in MB.
 */
async function peakHeap(context: BrowserContext, url: string, withClaims: boolean): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await page.goto(url);
  const list = page.getByRole('navigation', { name: 'Documents' });
  await list.locator('.document-item').first().waitFor({ timeout: 120_000 });
  // The open document's count shows at once; a second one shows once the corpus is counted.
  if (withClaims) await list.locator('.claim-count').nth(1).waitFor({ timeout: 120_000 });
  await page.getByLabel('Document text').waitFor();
  await list.getByRole('searchbox', { name: 'Search the corpus' }).fill('sanctions minister');
  await list.getByText(/ of [\d,]+ documents/).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1_000);
  sampling = false;
  await sampler;
  await page.close();
  return peak / MB;
}

/** Item 8: peak renderer memory listing and searching the corpus, with and without stored claims. */
export async function memoryBenchmark(options: MemoryOptions): Promise<Measurement> {
  const host = await startHost({
    port: options.hostPort,
    corpus: options.corpusDir,
    renderer: options.renderer,
    backups: join(options.workDir, 'backups-memory'),
  });
  // Two profiles: one whose database holds the claims, one empty.
  const full = await options.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const empty = await options.browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    let documents = 0;
    for (const context of [full, empty]) {
      await context.addInitScript({ content: options.probe });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByLabel('Your name').fill('Ada Analyst');
      await page.getByRole('button', { name: 'Start annotating' }).click();
      await page.getByLabel('Document text').waitFor({ timeout: 120_000 });
      if (context === full)
        documents = (await page.evaluate(`window.__bench.seedClaims(${options.annotations})`)) as number;
      await page.close();
    }
    const withClaims: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      without.push(await peakHeap(empty, host.url, false));
      withClaims.push(await peakHeap(full, host.url, true));
    }
    return figure({
      id: '8',
      name: `peak renderer JS heap: list and search ${documents.toLocaleString('en')} documents, ${options.annotations.toLocaleString('en')} annotations stored`,
      runs: options.runs,
      unit: 'MB',
      value: median(withClaims),
      baseline: median(without),
      baselineName: 'the same with an empty database',
      details: { withClaims, without },
    });
  } finally {
    await full.close();
    await empty.close();
    await host.close();
  }
}

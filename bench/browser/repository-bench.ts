import type { Browser, Page } from '@playwright/test';
import { type Measurement, measure } from '../measure';
import { startStatic } from './servers';

export interface RepositoryOptions {
  browser: Browser;
  /** The built pages (bench/browser/pages), whose repository.html bundles the app's db and format code. */
  pages: string;
  staticPort: number;
  runs: number;
  annotations: number;
}

/** `harness.<name>()` in the page; each returns the milliseconds it took, from the page's clock. */
const harness = (page: Page, name: string) => () => page.evaluate(`harness.${name}()`) as Promise<number>;

/** Items 4–5: write, export and import `annotations` claims through the app's own code, in Chromium. */
export async function repositoryBenchmarks(options: RepositoryOptions): Promise<Measurement[]> {
  const server = await startStatic(options.staticPort, { '/': options.pages });
  const context = await options.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/repository.html`);
    await page.waitForFunction('Boolean(window.harness)');
    const perDocument = 100;
    const count = (await page.evaluate(
      `harness.setup(${Math.ceil(options.annotations / perDocument)}, ${perDocument})`,
    )) as number;
    const n = count.toLocaleString('en');
    const h = (name: string) => harness(page, name);
    const results: Measurement[] = [];
    results.push(
      await measure('4', `write ${n} annotations to the database (the import's commit)`, options.runs, {
        subject: h('writeApp'),
        baseline: h('writeBaseline'),
        baselineName: 'Dexie bulkPut of the same objects',
        reset: h('clear'),
      }),
    );
    results.push(
      await measure('5a', `export ${n} annotations to native labelled JSON`, options.runs, {
        subject: h('exportApp'),
        baseline: h('exportBaseline'),
        baselineName: 'JSON.stringify of the same objects',
      }),
    );
    await h('clear')();
    await h('fill')();
    results.push(
      await measure('5b', `export ${n} annotations from the database (the Export button)`, options.runs, {
        subject: h('exportFromDatabaseApp'),
        baseline: h('exportFromDatabaseBaseline'),
        baselineName: 'Dexie toArray + JSON.stringify',
      }),
    );
    results.push(
      await measure('5c', 'parse and validate that file', options.runs, {
        subject: h('parseApp'),
        baseline: h('parseBaseline'),
        baselineName: 'JSON.parse',
      }),
    );
    results.push(
      await measure('5d', 'import that file into an empty database (parse, validate, anchor, write)', options.runs, {
        subject: h('importApp'),
        baseline: h('importBaseline'),
        baselineName: 'JSON.parse + Dexie bulkPut',
        reset: h('clear'),
      }),
    );
    return results;
  } finally {
    await context.close();
    await server.close();
  }
}

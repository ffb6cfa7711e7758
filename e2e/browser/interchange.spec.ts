import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const claimA = 'NATO’s military activity near our borders';
const claimB = 'Russia is preparing an answer to NATO';

/** A colleague's export: another browser profile, another annotator, two claims. */
async function colleagueExport(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const app = new Workbench(await context.newPage());
  await app.open(url, 'Boris Colleague');
  await app.openDocument(shoiguTitle);
  await app.tagSelection(claimA, '1');
  await app.tagSelection(claimB, '5');
  const file = await app.exportAs('native');
  await context.close();
  const path = join(mkdtempSync(join(tmpdir(), 'fw-e2e-')), 'boris.json');
  writeFileSync(path, file.content);
  return path;
}

async function importFiles(app: Workbench, ...paths: string[]) {
  await app.page.getByLabel('Annotation files to import').setInputFiles(paths);
  const report = app.page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toBeVisible();
  return report;
}

test('a colleague’s file imports with its annotator, and importing it again only finds duplicates', async ({
  page,
  browser,
}) => {
  const path = await colleagueExport(browser);
  const app = new Workbench(page);
  await app.open(url, 'Ada Analyst');
  await app.openDocument(shoiguTitle);
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '5');

  let report = await importFiles(app, path);
  await expect(report).toContainText('2 claims imported');
  await expect(report).toContainText('0 duplicates');
  await report.getByRole('button', { name: 'Close' }).click();
  // Annotate still shows the analyst's own claims, and says the colleague's are there.
  await expect(app.claimItems()).toHaveCount(1);
  await expect(page.locator('.whose-claims')).toContainText('2 claims of others here, not shown');
  await expect(app.readerText.locator('mark.claim', { hasText: 'military activity' })).toHaveCount(0);
  await app.showClaimsOf('Everyone');
  await expect(app.claimItems()).toHaveCount(3);
  await expect(app.claimItem(claimA)).toContainText('Boris Colleague');
  await expect(app.readerText.locator('mark.claim', { hasText: 'military activity' })).not.toHaveCount(0);
  await app.claimItem(claimA).getByRole('button').click();
  await expect(app.claimPanel).toContainText('Boris Colleague');

  report = await importFiles(app, path);
  await expect(report).toContainText('0 claims imported');
  await expect(report).toContainText('2 duplicates');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(app.claimItems()).toHaveCount(3);
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await expect(app.claimPanel).toContainText('Ada Analyst');
});

test('a broken file imports nothing and says where it is broken', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-e2e-'));
  const broken = join(dir, 'broken.json');
  writeFileSync(
    broken,
    JSON.stringify({ format: 'framing-workbench/labelled-json', formatVersion: 1, annotations: [{ id: 3 }] }),
  );
  const unknown = join(dir, 'notes.json');
  writeFileSync(unknown, '{"hello": "world"}');
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(claimB, '2');

  const report = await importFiles(app, broken, unknown);
  const brokenReport = report.getByRole('article', { name: 'broken.json' });
  await expect(brokenReport).toContainText('Nothing was imported from this file.');
  await expect(brokenReport).toContainText('broken.json $.annotations[0].id');
  await expect(report.getByRole('article', { name: 'notes.json' })).toContainText(
    'not a format Framing Workbench can import',
  );
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.claimItem(claimB)).toContainText('Integration');
});

test('claims on an edited text go to review, and claims that cannot be found stay visible until placed', async ({
  page,
  browser,
}) => {
  const original = JSON.parse(readFileSync(await colleagueExport(browser), 'utf8'));
  // As if the colleague's copy of the article differed: one quote reworded, one no longer there.
  original.annotations[0].target.exact = 'NATO’s military activities near our borders';
  original.annotations[0].target.end += 2;
  original.annotations[0].documentSha256 = 'f'.repeat(64);
  original.annotations[1].target.exact = 'A sentence that this article never contained';
  original.annotations[1].target.end = original.annotations[1].target.start + 44;
  original.annotations[1].target.start += 5000;
  original.annotations[1].target.end += 5000;
  original.annotations[1].documentSha256 = 'f'.repeat(64);
  const path = join(mkdtempSync(join(tmpdir(), 'fw-e2e-')), 'edited.json');
  writeFileSync(path, JSON.stringify(original));

  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  const report = await importFiles(app, path);
  await expect(report).toContainText('1 claim imported, 1 to check');
  await expect(report).toContainText('1 claim could not be placed');
  // The report names the document the claim waits in, and the list marks it.
  await expect(report.locator('.not-placed-documents')).toContainText(`${shoiguTitle} · 1 waiting`);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(app.documents.getByRole('button', { name: shoiguTitle })).toContainText('1 not placed');
  await app.showClaimsOf('Boris Colleague');

  await expect(app.claimList).toContainText('1 to check');
  await app.claimItems().first().getByRole('button').click();
  const check = app.claimPanel.getByRole('group', { name: 'Check placement' });
  await expect(check).toContainText('approximate match');
  await check.getByRole('button', { name: 'Accept placement' }).click();
  await expect(app.claimList).not.toContainText('to check');

  const orphans = page.getByRole('region', { name: 'Claims not placed' });
  await expect(orphans).toContainText('A sentence that this article never contained');
  await app.selectText(claimB);
  await orphans.getByRole('button', { name: 'Place at selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect(app.documents.getByRole('button', { name: shoiguTitle })).not.toContainText('not placed');
  await expect(app.claimItem(claimB)).toContainText('Military cooperation');
});

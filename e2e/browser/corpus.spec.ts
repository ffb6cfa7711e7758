import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { FIXTURE_PORT, SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const fixtures = `http://127.0.0.1:${FIXTURE_PORT}/`;

test('Windows-1251, HTML and JSONL files open as readable documents with their encoding and metadata', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(fixtures);
  await expect(app.documents.getByRole('listitem')).toHaveCount(6);

  await app.openDocument('Союзное государство: новый этап интеграции');
  await expect(app.readerText).toContainText('Минск и Москва договорились');
  const encoding = app.reader.getByLabel('Encoding');
  await expect(encoding).toHaveValue('windows-1251');
  await encoding.selectOption('koi8-r');
  await expect(app.readerText).not.toContainText('Минск и Москва');
  // The choice is kept: after a reload the document still reads as KOI8-R.
  await page.reload();
  await app.documents.locator('button[title="cp1251-article.txt"]').click();
  await expect(app.reader.getByLabel('Encoding')).toHaveValue('koi8-r');
  await app.reader.getByLabel('Encoding').selectOption('windows-1251');
  await expect(app.readerText).toContainText('Минск и Москва договорились');

  await app.openDocument('Belarus hosts joint drills near the border');
  await expect(app.readerText).toContainText('the defence ministry claimed');
  await expect(app.readerText).not.toContainText('window.__pwned');
  await expect(app.reader).toContainText('Example News');
  await expect(app.reader).toContainText('2022-02-10');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  await app.openDocument('Lavrov on NATO expansion');
  await expect(app.readerText).toHaveText('Lavrov said NATO expansion threatens Russia and Belarus.');
  await expect(app.reader).toContainText('TASS');
});

// In this file, not one of its own: both tests choose an encoding on the shared fixture host,
// and a file's tests run one after the other.
const file = 'cp1251-article.txt';
const title = 'Союзное государство: новый этап интеграции';
// The Windows-1251 bytes of "Минск и Москва", as KOI8-R reads them: what the analyst sees after choosing KOI8-R.
const asKoi8 = (words: string) => iconv.decode(iconv.encode(words, 'windows-1251'), 'koi8-r');
const quote = asKoi8('Минск и Москва');
const koi8Text = iconv.decode(readFileSync(`e2e/fixtures/corpus/${file}`), 'koi8-r');

interface Exported {
  documents: { id: string; sha256: string; text?: string }[];
  annotations: {
    annotator: string;
    documentId: string;
    documentSha256: string;
    target: { start: number; end: number; exact: string };
  }[];
}

/**
 * Opens the Windows-1251 article and reads it as KOI8-R, as an analyst does when the guess reads
 * wrong. By its file name: the host lists the title as last read, which another test may have changed.
 */
async function readAsKoi8(app: Workbench) {
  await app.documents.locator(`button[title="${file}"]`).click();
  await app.reader.getByLabel('Encoding').selectOption('koi8-r');
  await expect(app.readerText).toContainText(quote);
}

test('the encoding an analyst picks is the text of every claim: in the reader, an import, Review’s gold and the export', async ({
  page,
  browser,
}) => {
  expect(koi8Text).toContain(quote);
  expect(quote).not.toBe('Минск и Москва');

  // A colleague reads the file as KOI8-R too, makes a claim and shares it.
  const context = await browser.newContext();
  const boris = new Workbench(await context.newPage());
  await boris.open(fixtures, 'Boris');
  await readAsKoi8(boris);
  await boris.tagSelection(quote, '1');
  const shared = join(mkdtempSync(join(tmpdir(), 'fw-encoding-')), 'boris.json');
  writeFileSync(shared, (await boris.exportAs('native')).content);
  await context.close();

  const app = new Workbench(page);
  await app.open(fixtures, 'Ada');
  await readAsKoi8(app);
  await app.tagSelection(quote, '2');
  // The import finds Boris's claim in the text as Ada reads it, not in the detected encoding's.
  await page.getByLabel('Annotation files to import').setInputFiles([shared]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('1 claim imported');
  await report.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await review.getByRole('group', { name: 'Filters' }).getByLabel('Document').selectOption(file);
  await expect(review.getByRole('status').filter({ hasText: 'settled' })).toHaveText('0 of 1 settled');
  await review
    .getByRole('list', { name: 'Disagreements in the corpus' })
    .getByRole('button', { name: 'Accept' })
    .first()
    .click();
  await expect(review.getByRole('region', { name: 'Gold claims' })).toContainText(quote);

  const exported = JSON.parse((await app.exportAs('native', { includeTexts: true })).content) as Exported;
  const doc = exported.documents.find((d) => d.id === file);
  expect(doc?.text).toBe(koi8Text);
  const claims = exported.annotations.filter((a) => a.documentId === file);
  expect(claims.map((c) => c.annotator).sort()).toEqual(['Ada', 'Boris', 'Gold']);
  for (const claim of claims) {
    expect(claim.target.exact, `${claim.annotator}'s quote`).toBe(quote);
    expect(koi8Text.slice(claim.target.start, claim.target.end), `${claim.annotator}'s offsets`).toBe(quote);
    expect(claim.documentSha256, `${claim.annotator}'s text hash`).toBe(doc?.sha256);
  }

  // Back to the detected encoding, so the host lists the title as the other tests expect it.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Annotate' }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await app.reader.getByLabel('Encoding').selectOption('windows-1251');
  await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('search and filters narrow the document list', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(fixtures);
  const items = app.documents.getByRole('listitem');
  await app.documents.getByLabel('Search the corpus').fill('integration');
  await expect(items).toHaveCount(2);
  await expect(app.documents).toContainText('Union State programmes');
  await expect(app.documents).toContainText('Offsets with astral characters');
  await app.documents.getByLabel('Search the corpus').fill('интеграции');
  await expect(items).toHaveCount(1);
  await expect(app.documents).toContainText('Союзное государство');

  await app.documents.getByLabel('Search the corpus').fill('');
  await app.documents.getByLabel('Language').selectOption('ru');
  await expect(items).toHaveCount(1);
  await app.documents.getByLabel('Language').selectOption('');
  await app.documents.getByLabel('Source').selectOption('BelTA');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Union State programmes');
});

test('boilerplate is folded out of the way and one click shows it', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Россия и Белоруссия договорились согласовывать взаимодействие с НАТО');
  const skipLink = app.readerText.getByText('Перейти к основному контенту');
  await expect(skipLink).toBeHidden();
  await expect(app.readerText).toContainText('Россия и Белоруссия будут координировать действия');
  await app.reader.getByRole('button', { name: /Show boilerplate/ }).click();
  await expect(skipLink).toBeVisible();
});

test('documents carry a status: derived from claims, set by the analyst, and filterable', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(fixtures);
  await app.openDocument('Lavrov on NATO expansion');
  const status = app.reader.getByLabel('Document status');
  await expect(status).toHaveValue('not-started');
  await app.tagSelection('NATO expansion threatens Russia and Belarus', '1');
  await expect(status).toHaveValue('in-progress');
  await status.selectOption('done');
  await expect(app.documents.getByRole('listitem').filter({ hasText: 'Lavrov on NATO expansion' })).toContainText(
    'done',
  );

  await page.reload();
  const items = app.documents.getByRole('listitem');
  await app.documents.getByLabel('Status').selectOption('done');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Lavrov on NATO expansion');
  await app.documents.getByLabel('Status').selectOption('not-started');
  await expect(items).toHaveCount(5);
});

import { expect, test } from '@playwright/test';
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
  await app.documents.getByRole('button', { name: /cp1251-article\.txt/ }).click();
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

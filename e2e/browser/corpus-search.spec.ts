import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { startHost } from '../pages/browser-host';
import { Workbench } from '../pages/workbench';

const sample = `http://127.0.0.1:${SAMPLE_PORT}/`;

// In the sample corpus 003 names Belarus's foreign minister Makei, 001 names him Макей, and 004
// only says "make": an exact search must not find 004, an approximate one may, and says so.
const MAKEI = /Belarus Pledges to Boost Military Cooperation/;
const MAKEI_RU = /Россия и Белоруссия договорились/;
const MAKE = /Russia’s close ally Belarus explores training/;

test('search finds whole words, shows a snippet with the words marked, and says when hits are approximate', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(sample);
  const items = app.documents.getByRole('listitem');
  const search = app.documents.getByLabel('Search the corpus');
  const approximate = app.documents.getByRole('checkbox', { name: 'Approximate' });
  const notice = app.documents.getByText('No exact matches; showing approximate ones.');

  await search.fill('Makei');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(MAKEI);
  await expect(app.documents).not.toContainText(MAKE);
  // The snippet comes from the text, with the word in a <mark> of its own (text, not markup).
  await expect(items.first()).toContainText('Foreign Minister Vladimir Makei stated');
  await expect(items.first().locator('mark')).toHaveText(['Makei']);
  await expect(notice).toBeHidden();

  await search.fill('Макей');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(MAKEI_RU);
  await expect(items.first().locator('mark')).toHaveText(['Макей']);

  // Nothing is spelt "Makie": the list falls back to approximate hits, and says so.
  await search.fill('Makie');
  await expect(notice).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(MAKE);
  await expect(items.first().locator('mark')).toHaveText(['make']);

  // Asked for, approximate hits come after the exact one and are labelled.
  await approximate.check();
  await search.fill('Makei');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(MAKEI);
  await expect(items.nth(0)).not.toContainText('≈ approximate');
  await expect(items.nth(1)).toContainText(MAKE);
  await expect(items.nth(1)).toContainText('≈ approximate');
  await expect(notice).toBeHidden();
  // The tooltip tells what the box does.
  await expect(app.documents.getByTitle(/spelt a little differently/)).toContainText('Approximate');

  await approximate.uncheck();
  await search.fill('');
  await expect(items).toHaveCount(5);
  await expect(app.documents.locator('mark')).toHaveCount(0);
});

test('the document opened from a search shows the words found, marked in its text', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(sample);
  await app.documents.getByLabel('Search the corpus').fill('Makei');
  await app.documents.getByRole('button', { name: MAKEI }).click();
  const found = () =>
    page.evaluate(() => [...(CSS.highlights.get('found-words') ?? [])].map((range) => (range as Range).toString()));
  await expect.poll(found).toContain('Makei');
  expect((await found()).every((word) => word === 'Makei')).toBe(true);

  // Cleared search, nothing marked.
  await app.documents.getByLabel('Search the corpus').fill('');
  await expect.poll(found).toEqual([]);
});

test('a search with more hits than the list holds says how many documents matched in all', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'fw-many-hits-'));
  const corpus = join(folder, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 230; i++)
    writeFileSync(
      join(corpus, `${String(i).padStart(3, '0')}.txt`),
      `Report ${i}\n\nThe ministry spoke of sanctions.\n`,
    );
  writeFileSync(join(corpus, 'other.txt'), 'Weather\n\nRain in Minsk.\n');
  const host = await startHost({ corpus, backups: join(folder, 'backups') });
  try {
    const app = new Workbench(page);
    await app.open(host.url);
    await app.documents.getByLabel('Search the corpus').fill('sanctions');
    await expect(app.documents.getByRole('status')).toHaveText(
      'Listing the best 200 of 230 matching documents; add a word to narrow the search.',
    );
    await expect(app.documents.getByRole('heading', { level: 2 })).toContainText('200 of 231 documents');
    await app.documents.getByLabel('Search the corpus').fill('sanctions 7');
    await expect(app.documents.getByRole('status')).toHaveCount(0);
    await expect(app.documents.getByRole('listitem')).toHaveCount(1);
  } finally {
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

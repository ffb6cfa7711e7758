import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

for (const theme of ['light', 'dark'] as const) {
  test(`reader with overlapping claims, ${theme} theme`, async ({ page }) => {
    const app = new Workbench(page);
    await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
    await page.getByLabel('Theme').selectOption(theme);
    await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
    await app.tagSelection('NATO’s military activity near our borders has reached unheard of levels', '1');
    await app.tagSelection('strengthening its advanced military presence on the eastern flank', '1');
    await app.tagSelection('Russia is preparing an answer to NATO', '5');
    await app.tagSelection('political overtures to an ally in order to demonstrate loyalty', '6');
    await app.tagSelection('military activity near our borders', '5');
    await app
      .claimItem('NATO’s military activity near our borders has reached unheard of levels')
      .getByRole('button')
      .click();
    await app.claimPanel.getByLabel('Speaker').fill('Sergei Shoigu');
    await app.claimPanel.getByLabel('Speaker').press('Enter');
    await app.readerText.getByText('NATO’s military activity').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: theme === 'light' ? 'docs/reader.png' : 'docs/reader-dark.png' });
  });
}

test('review with three annotators', async ({ page, browser }) => {
  const colleague = async (name: string, claims: [string, string][]) => {
    const context = await browser.newContext();
    const other = new Workbench(await context.newPage());
    await other.open(`http://127.0.0.1:${SAMPLE_PORT}/`, name);
    await other.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
    for (const [quote, key] of claims) await other.tagSelection(quote, key);
    const file = await other.exportAs('native');
    await context.close();
    const path = join(mkdtempSync(join(tmpdir(), 'fw-shot-')), `${name}.json`);
    writeFileSync(path, file.content);
    return path;
  };
  const threat = 'NATO’s military activity near our borders has reached unheard of levels';
  const answer = 'Russia is preparing an answer to NATO';
  const files = [
    await colleague('Boris', [
      [threat, '1'],
      [answer, '5'],
    ]),
    await colleague('Chen', [
      [threat, '1'],
      [answer, '1'],
      ['demonstrate loyalty in exchange for economic preferences', '6'],
    ]),
  ];
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection(threat, '1');
  await app.tagSelection(answer, '5');
  await page.getByLabel('Annotation files to import').setInputFiles(files);
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.screenshot({ path: 'docs/review.png' });
});

test('an article coded on two layers', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await page.getByRole('button', { name: 'Codebook: Narratives' }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await dialog.getByRole('checkbox', { name: 'Code with Persuasion techniques as a layer' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.tagSelection('NATO’s military activity near our borders has reached unheard of levels', '1');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await app.readerText.focus();
  await page.keyboard.press('`');
  await expect(page.getByRole('button', { name: 'Codebook: Persuasion techniques' })).toBeVisible();
  await app.tagSelection('unheard of levels', 'm');
  await app.tagSelection('the besieged fortress', 'k');
  await page.keyboard.press('Escape');
  await app.readerText.getByText('NATO’s military activity').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/layers.png' });
});

test('search: a concordance of the corpus, one hit already coded', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('NATO’s military activity near our borders has reached unheard of levels', '1');
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search every document' }).fill('NATO OR НАТО');
  await expect(page.getByText('Already in a claim:')).toBeVisible();
  await page.screenshot({ path: 'docs/search.png' });
});

test('suggestions: a tagged phrase suggested where it recurs', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('NATO', '1');
  await app.openDocument('Russia’s close ally Belarus explores training opportunity with NATO');
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await expect(page.getByRole('status', { name: 'Under the cursor' })).toBeVisible();
  await page.screenshot({ path: 'docs/suggestions.png' });
});

test('analyse: tags by source, one cell open', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('NATO’s military activity near our borders', '1');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '5');
  await app.openDocument('NATO and the EU are pushing Russia and Belarus towards integration');
  await app.tagSelection('towards integration', '2');
  await app.tagSelection('imposes sanctions', '3');
  await app.openDocument('Russia’s close ally Belarus explores training opportunity with NATO');
  await app.tagSelection('Belarus intends to replace Russia with the United States', '4');
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByRole('button', { name: /^Military cooperation in \(none\)/ }).click();
  await expect(page.getByRole('region', { name: 'Military cooperation in (none)' })).toBeVisible();
  await page.screenshot({ path: 'docs/analyse.png' });
});

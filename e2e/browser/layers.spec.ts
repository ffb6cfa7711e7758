import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const arrived = 'Sergei Shoigu arrived in Minsk';
const answer = 'Russia is preparing an answer to NATO';

test('one article coded on two layers by keyboard; a layer hidden and shown; kept across a reload', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);

  await page.getByRole('button', { name: 'Codebook: Narratives' }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await dialog.getByRole('checkbox', { name: 'Code with Persuasion techniques as a layer' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Code with Persuasion techniques as a layer' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers).toContainText('Narratives');
  await expect(layers).toContainText('Persuasion techniques');

  // Narratives' keys first; ` switches to Persuasion's, whose "a" is Appeal to fear.
  await app.tagSelection(arrived, '1');
  await app.readerText.focus();
  await page.keyboard.press('`');
  await expect(page.getByRole('button', { name: 'Codebook: Persuasion techniques' })).toBeVisible();
  await app.tagSelection(answer, 'a');
  await expect(app.claimItem(arrived)).toContainText('Threat narrative');
  await expect(app.claimItem(answer)).toContainText('Appeal to fear/prejudice');
  // The second layer's claims underline in dots: the two layers are told apart in the text.
  await expect(app.readerText.locator('mark.claim', { hasText: 'preparing' }).first()).toHaveAttribute(
    'data-layer',
    '1',
  );
  await expect(app.readerText.locator('mark.claim', { hasText: 'Shoigu' }).first()).not.toHaveAttribute(
    'data-layer',
    /./,
  );

  // A Narratives claim selected, Persuasion's key gives the same words a claim of their own.
  await app.claimItem(arrived).getByRole('button').click();
  await page.keyboard.press('b');
  await expect(app.claimItem(arrived)).toHaveCount(2);
  await expect(app.claimItems()).toHaveCount(3);
  await expect(app.claimList).toContainText('Threat narrative');
  await expect(app.claimList).toContainText('Causal oversimplification');

  // An export holds one layer's claims, or every layer's, and says which in its name.
  const persuasion = await app.exportAs('native', { layer: 'Persuasion techniques' });
  expect(persuasion.name).toMatch(/^corpus-all-persuasion-techniques-native-/);
  const onlyPersuasion = JSON.parse(persuasion.content) as { annotations: { codebookId: string }[] };
  expect(onlyPersuasion.annotations.map((a) => a.codebookId)).toEqual([
    'persuasion-techniques',
    'persuasion-techniques',
  ]);
  const every = await app.exportAs('native', { layer: 'Every layer' });
  expect(every.name).toMatch(/^corpus-all-all-layers-native-/);
  expect((JSON.parse(every.content) as { annotations: unknown[] }).annotations).toHaveLength(3);

  // Review compares one layer at a time, the one whose keys apply to start with.
  const modes = page.getByRole('navigation', { name: 'Mode' });
  await modes.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review.getByLabel('Layer')).toHaveValue('persuasion-techniques');
  await expect(review.locator('.clusters')).toContainText(answer);
  await review.getByLabel('Layer').selectOption('narratives');
  await expect(review.locator('.clusters')).not.toContainText(answer);
  await expect(review.locator('.clusters')).toContainText(arrived);
  await modes.getByRole('button', { name: 'Annotate' }).click();

  // Hidden, a layer's claims leave the reader and the list; the other layer's stay.
  await layers.getByRole('checkbox', { name: 'Persuasion techniques' }).click();
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.readerText.locator('mark.claim', { hasText: 'preparing' })).toHaveCount(0);
  await expect(app.readerText.locator('mark.claim', { hasText: 'Shoigu' })).not.toHaveCount(0);

  await page.reload();
  await app.openDocument(shoiguTitle);
  await expect(layers.getByRole('checkbox', { name: 'Persuasion techniques' })).not.toBeChecked();
  await expect(app.claimItems()).toHaveCount(1);
  await layers.getByRole('checkbox', { name: 'Persuasion techniques' }).click();
  await expect(app.claimItems()).toHaveCount(3);
  await expect(app.claimItem(answer)).toContainText('Appeal to fear/prejudice');
  await app.readerText.focus();
  await page.keyboard.press('`');
  await expect(page.getByRole('button', { name: 'Codebook: Narratives' })).toBeVisible();
});

for (const format of ['native', 'w3c', 'brat', 'doccano', 'labelstudio']) {
  test(`a ${format} file of two layers imports into a corpus with the same layers, every tag named`, async ({
    page,
    browser,
  }) => {
    const withLayers = async (app: Workbench) => {
      await app.page.getByRole('button', { name: 'Codebook: Narratives' }).click();
      const dialog = app.page.getByRole('dialog', { name: 'Codebook' });
      await dialog.getByRole('checkbox', { name: 'Code with Persuasion techniques as a layer' }).click();
      await expect(dialog.getByRole('checkbox', { name: 'Code with Persuasion techniques as a layer' })).toBeChecked();
      await dialog.getByRole('button', { name: 'Close' }).click();
    };
    const app = new Workbench(page);
    await app.open(url);
    await app.openDocument(shoiguTitle);
    await withLayers(app);
    await app.tagSelection(arrived, '1');
    await app.readerText.focus();
    await page.keyboard.press('`');
    // The switch is written, then read back: tag only once Persuasion's keys apply.
    await expect(page.getByRole('button', { name: 'Codebook: Persuasion techniques' })).toBeVisible();
    await app.tagSelection(answer, 'a');
    const exported = await app.exportAs(format, { layer: 'Every layer' });
    const path = join(mkdtempSync(join(tmpdir(), 'fw-layers-')), exported.name);
    writeFileSync(path, exported.bytes);

    const context = await browser.newContext();
    const other = new Workbench(await context.newPage());
    await other.open(url, 'Boris Colleague');
    await other.openDocument(shoiguTitle);
    await withLayers(other);
    await other.page.getByLabel('Annotation files to import').setInputFiles(path);
    const report = other.page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('2 claims imported');
    await report.getByRole('button', { name: 'Close' }).click();
    // doccano keeps no annotator: its claims come in under the importer's fallback name.
    await other.showClaimsOf(format === 'doccano' ? 'Everyone' : 'Ada Analyst');
    await expect(other.claimItem(arrived)).toContainText('Threat narrative');
    await expect(other.claimItem(answer)).toContainText('Appeal to fear/prejudice');
    await expect(other.claimList).not.toContainText('appeal-to-fear');
    await context.close();
  });
}

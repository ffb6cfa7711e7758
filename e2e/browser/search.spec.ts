import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const sample = `http://127.0.0.1:${SAMPLE_PORT}/`;
const RUSSIAN = 'Россия и Белоруссия договорились согласовывать взаимодействие с НАТО';

test('Search lists every inflection in context, opens a hit to code it, and shows it coded', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(sample);
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Search' }).click();
  const view = page.getByRole('region', { name: 'Concordance' });
  const query = view.getByRole('searchbox', { name: 'Search every document' });
  const summary = view.getByRole('status');
  const results = view.getByRole('region', { name: RUSSIAN });

  // Russian inflections, not the words that only start alike.
  await query.fill('Белоруссия');
  await expect(summary).toHaveText('4 hits in 1 of 5 documents');
  await expect(results.getByRole('heading')).toHaveText(`${RUSSIAN} · 4 hits`);
  await expect(results.locator('mark')).toHaveText(['Белоруссия', 'Белоруссия', 'Белоруссии', 'Белоруссия']);
  await expect(results.getByRole('button').nth(2)).toContainText('интересы России и Белоруссии. «В этой связи');

  // English inflections, and alternatives.
  await query.fill('sanction OR Makei');
  await expect(summary).toHaveText('3 hits in 2 of 5 documents');
  await expect(view.locator('mark')).toHaveText(['sanctions', 'sanctions', 'Makei']);

  // The document list's filters narrow the documents searched.
  await query.fill('NATO OR НАТО');
  await expect(summary).toHaveText('32 hits in 5 of 5 documents');
  await view.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Russian' });
  await expect(summary).toHaveText('3 hits in 1 of 1 document');
  await expect(view.locator('mark')).toHaveText(['НАТО', 'НАТО', 'НАТО']);
  await view.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'All languages' });
  await expect(summary).toHaveText('32 hits in 5 of 5 documents');
  // The body only: not the titles, menus and footers the reader folds away.
  const bodyOnly = view.getByRole('checkbox', { name: 'Body only (not titles or boilerplate)' });
  await bodyOnly.check();
  await expect(summary).toHaveText('22 hits in 5 of 5 documents');
  await bodyOnly.uncheck();
  await expect(summary).toHaveText('32 hits in 5 of 5 documents');

  // Listed by date (undated documents last), or as one list by the words left of the hit.
  const order = view.getByRole('combobox', { name: 'List hits' });
  await order.selectOption({ label: 'by date of the document' });
  await expect(view.getByRole('heading', { level: 2 }).nth(0)).toContainText('NATO and the EU are pushing Russia');
  await expect(view.getByRole('heading', { level: 2 }).nth(1)).toContainText('Belarus Pledges to Boost Military');
  await order.selectOption({ label: 'by the words to the left' });
  const byLeft = view.getByRole('region', { name: 'by the words to the left' });
  await expect(byLeft.getByRole('listitem')).toHaveCount(32);
  await expect(view.getByRole('heading', { level: 2 })).toHaveCount(0);
  // The title's first word has nothing to its left: it comes first, with its document named.
  await expect(byLeft.getByRole('listitem').first()).toContainText('NATO and the EU are pushing Russia and Belarus');
  await order.selectOption({ label: 'by document' });

  // A hit opens in Annotate, selected: a tag's key makes it a claim.
  await query.fill('Белоруссия');
  await results.getByRole('button').nth(2).click();
  await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(RUSSIAN);
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(app.claimList).toContainText('Белоруссии');
  await expect(app.saveStatus).toHaveText('All changes saved');

  // Back in Search the query is still there, and the hit shows the claim it is in.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Search' }).click();
  await expect(query).toHaveValue('Белоруссия');
  const coded = results.getByRole('listitem').nth(2);
  await expect(coded).toContainText('Already in a claim:');
  await expect(coded.locator('.chip')).toHaveText('Integration');
  await expect(results.getByRole('listitem').nth(1)).not.toContainText('Already in a claim:');

  // In Russian.
  await page.getByLabel('Interface language / Язык интерфейса').selectOption({ label: 'Русский' });
  const russian = page.getByRole('region', { name: 'Конкорданс' });
  await expect(russian.getByRole('status')).toHaveText('4 вхождения в 1 из 5 документов');
  await expect(russian.getByRole('listitem').nth(2)).toContainText('Уже в утверждении:');
});

test('Search says what is wrong with a query and shows no hits', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(sample);
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Search' }).click();
  const view = page.getByRole('region', { name: 'Concordance' });
  await view.getByRole('checkbox', { name: 'Regular expression' }).check();
  await view.getByRole('searchbox', { name: 'Search every document' }).fill('Минск(');
  await expect(view.getByRole('alert')).toContainText('This is not a regular expression');
  await expect(view.locator('mark')).toHaveCount(0);
  // \b knows Cyrillic letters in an expression.
  await view.getByRole('searchbox', { name: 'Search every document' }).fill('\\bНАТО\\b');
  await expect(view.getByRole('status')).toHaveText('3 hits in 1 of 5 documents');
  await expect(view.getByRole('alert')).toHaveCount(0);
});

test('Search codes every selected hit by sentence in one write, and takes them back as one', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(sample, 'Coder Cora');
  const modes = page.getByRole('navigation', { name: 'Mode' });
  await modes.getByRole('button', { name: 'Search' }).click();
  const view = page.getByRole('region', { name: 'Concordance' });
  await view.getByRole('searchbox', { name: 'Search every document' }).fill('Belarus');
  await expect(view.getByRole('status').first()).toHaveText('41 hits in 4 of 5 documents');
  const coded = view.getByText('Already in a claim:');
  await expect(coded).toHaveCount(0);

  // One by one, then all.
  await view.getByRole('checkbox', { name: 'Select this hit to code it' }).first().check();
  await expect(view.getByText('1 of 41 selected')).toBeVisible();
  await view.getByRole('button', { name: 'Select all' }).click();
  await expect(view.getByText('41 of 41 selected')).toBeVisible();

  const coding = view.getByRole('group', { name: 'Code the selected hits' });
  await coding.getByLabel('Code').selectOption('sentence');
  await coding.getByLabel('as').selectOption({ label: 'Integration' });
  await coding.getByRole('button', { name: 'Preview 41 hits…' }).click();
  const preview = coding.getByRole('region', { name: 'What coding will make' });
  await expect(preview).toContainText('34 claims tagged Integration will be made. 7 hits are skipped');
  await expect(preview.getByRole('listitem').first()).toHaveText(
    'NATO and the EU are pushing Russia and Belarus towards integration',
  );
  await preview.getByRole('button', { name: 'Make 34 claims' }).click();
  await expect(coding.getByRole('status')).toHaveText('Made 34 claims tagged Integration in 4 documents. Undo');
  await expect(coded).toHaveCount(41);
  await expect(app.saveStatus).toHaveText('All changes saved');

  // Taken back as one, and put back as one.
  await coding.getByRole('button', { name: 'Undo' }).click();
  await expect(coding.getByRole('status')).toHaveText('Took back 34 claims. Redo');
  await expect(coded).toHaveCount(0);
  await coding.getByRole('button', { name: 'Redo' }).click();
  await expect(coded).toHaveCount(41);
  // The same by keyboard, as everywhere else.
  await page.keyboard.press('Control+z');
  await expect(coding.getByRole('status')).toHaveText('Took back 34 claims. Redo');
  await expect(coded).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(coding.getByRole('status')).toContainText('Made 34 claims');
  await expect(coded).toHaveCount(41);

  // The claims are ordinary claims, by sentence, in the corpus-wide list.
  await modes.getByRole('button', { name: 'Claims' }).click();
  const all = page.getByRole('region', { name: 'All claims in the corpus' });
  await expect(all.getByRole('heading', { level: 1 })).toContainText('· 34');
  await expect(all).toContainText('Today Belarus has difficult relations with the West, which imposes sanctions');
});

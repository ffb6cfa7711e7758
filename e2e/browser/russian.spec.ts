import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { untranslatedText } from '../pages/legibility';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

/** Latin words the Russian interface keeps: the product, the formats and the keys. */
const KEPT = ['Framing', 'Workbench', 'JSON', 'JSONL', 'CSV', 'brat', 'doccano', 'Label', 'Studio', 'W3C', 'Web'];
const KEPT_TOO = [
  'Annotation',
  'JSON-LD',
  'UTF-8',
  'UTF-16',
  'BOM',
  'Excel',
  'Esc',
  'Del',
  'Ctrl',
  'Alt',
  'Shift',
  'Enter',
];

async function allRussian(page: Page, what: string) {
  expect(
    await untranslatedText(page, [...KEPT, ...KEPT_TOO]),
    `${what}: English left in the Russian interface`,
  ).toEqual([]);
}

test('every screen of the Russian interface is in Russian, apart from the corpus and the codebook', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await page.getByLabel('Interface language / Язык интерфейса').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await allRussian(page, 'Annotate with a claim selected');

  await page.locator('button.codebook-button').click();
  await allRussian(page, 'the codebook dialog');
  await page.locator('.modal .actions button').first().click();
  await allRussian(page, 'the codebook editor');
  await page.locator('.codebook-editor .actions button:not(.primary)').last().click();
  await page.keyboard.press('Escape');

  await page.locator('.export > button').click();
  await allRussian(page, 'the export dialog');
  const download = page.waitForEvent('download');
  await page.locator('.modal button[type="submit"]').click();
  await download;
  await expect(page.locator('.notice')).toContainText('Сохранено в загрузки браузера');
  await allRussian(page, 'the export notice');

  await page.getByRole('button', { name: 'Копии…' }).click();
  await allRussian(page, 'the backups dialog');
  await page.locator('.modal button.primary').click();

  const modes = page.getByRole('navigation', { name: 'Режим' });
  await modes.getByRole('button', { name: 'Утверждения' }).click();
  await allRussian(page, 'Claims');
  await modes.getByRole('button', { name: 'Проверка' }).click();
  await allRussian(page, 'Review');
  await page.keyboard.press('?');
  await allRussian(page, 'the shortcuts list');
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { untranslatedText } from '../pages/legibility';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

/** Latin words the Russian interface keeps: the product, the formats (REFI-QDA's too) and the keys. */
const KEPT = [
  'Framing',
  'Workbench',
  'JSON',
  'JSONL',
  'CSV',
  'brat',
  'doccano',
  'Label',
  'Studio',
  'W3C',
  'Web',
  'REFI-QDA',
  'QDA',
  'qdc',
  'qdpx',
];
const KEPT_TOO = [
  'INCEpTION',
  'tsv',
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
  // A colleague's file whose claim is not in the text: its report and its Not placed entry.
  const exported = JSON.parse((await app.exportAs('native')).content);
  exported.annotations[0].id = '01JDA0000000000000000000Z9';
  exported.annotations[0].target.exact = 'Nowhere in this article at all';
  exported.annotations[0].target.start += 5000;
  exported.annotations[0].target.end += 5000;
  exported.annotations[0].documentSha256 = 'f'.repeat(64);
  const colleague = join(mkdtempSync(join(tmpdir(), 'fw-ru-')), 'colleague.json');
  writeFileSync(colleague, JSON.stringify(exported));
  await expect(page.locator('.notice')).toContainText("Exported to your browser's downloads");
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await page.getByLabel('Interface language / Язык интерфейса').selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // The export's notice, still shown, follows the switch.
  await expect(page.locator('.notice')).toContainText('Сохранено в загрузки браузера');
  await page.locator('.notice-close').click();
  await allRussian(page, 'Annotate with a claim selected');

  await page.getByLabel('Файлы разметки для импорта').setInputFiles(colleague);
  const report = page.getByRole('dialog', { name: 'Отчёт об импорте' });
  await expect(report).toContainText('не удалось разместить: 1');
  await allRussian(page, 'the import report');
  await report.locator('button.primary').click();
  await expect(page.locator('.orphan-list')).toContainText('этой цитаты в тексте нет');
  await allRussian(page, 'Not placed');

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
  await modes.getByRole('button', { name: 'Анализ' }).click();
  await page.locator('.matrix td > button').first().click();
  await expect(page.locator('.cell-claims')).toBeVisible();
  await allRussian(page, 'Analyse');
  await page.keyboard.press('?');
  await allRussian(page, 'the shortcuts list');
});

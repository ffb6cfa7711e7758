import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
// Folded boilerplate at the top (the skip link, lines 1–4) and at the end (the news ticker, 27 lines).
const rbcTitle = 'Россия и Белоруссия договорились согласовывать взаимодействие с НАТО';
const rbcFirstWord = 'Россия';
const rbcLastWord = 'другом';
// Three folds: the tag list, a subscription plea in the middle, and the footer.
const integrationTitle = 'NATO and the EU are pushing Russia and Belarus towards integration';
const otherTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

function folds(app: Workbench) {
  return {
    lines: app.readerText.getByRole('button', { name: /boilerplate folded/ }),
    control: app.reader.getByRole('button', { name: /^(Show boilerplate \(\d+ parts?\)|Fold boilerplate)$/ }),
  };
}

test('← and → with nothing selected stay in the body and unfold nothing', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(rbcTitle);
  const { lines, control } = folds(app);
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toHaveAccessibleName('⋯ boilerplate folded (4 lines), click to show');

  // From the start: the first word of the title, not the folded skip link.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(rbcFirstWord);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe(rbcFirstWord);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe('и');
  await expect(lines).toHaveCount(2);
  await expect(app.readerText.getByText('Политика,', { exact: true })).toBeHidden();
  await expect(control).toHaveText('Show boilerplate (2 parts)');

  // From nothing selected backwards: the last word of the body, not the end of the folded ticker.
  await app.openDocument(otherTitle);
  await app.openDocument(rbcTitle);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => selected(page)).toBe(rbcLastWord);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(rbcLastWord);
  await expect(lines).toHaveCount(2);
  await expect(app.readerText.getByText('Лента новостей', { exact: true })).toBeHidden();
  await expect(control).toHaveText('Show boilerplate (2 parts)');
});

test('a fold opens alone, by click or Enter, and folds again from its header', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(integrationTitle);
  const { lines, control } = folds(app);
  // Lines of the text, as paragraphs: a fold line is its run's first line.
  const line = (start: string) => app.readerText.locator('p').filter({ hasText: new RegExp(`^${start}`) });
  const subscribe = line('Subscribe to PolitNavigator news');
  await expect(lines).toHaveCount(3);
  await expect(control).toHaveText('Show boilerplate (3 parts)');

  await lines.nth(1).click();
  await expect(subscribe).toBeVisible();
  await expect(lines).toHaveCount(2);
  await expect(line('Byelorussia, Zen, NATO')).toHaveAttribute('role', 'button');
  await expect(control).toHaveText('Show boilerplate (2 parts)');

  // The opened run's first line carries the header that folds it again, above its text.
  await subscribe.click({ position: { x: 20, y: 4 } });
  await expect(lines).toHaveCount(3);
  await expect(control).toHaveText('Show boilerplate (3 parts)');

  await lines.last().focus();
  await page.keyboard.press('Enter');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toHaveAccessibleName('⋯ boilerplate folded (3 lines), click to show');
  await expect(control).toHaveText('Show boilerplate (2 parts)');
});

test('the control shows and folds all boilerplate after arrow keys, and steps go through boilerplate shown', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(rbcTitle);
  const { lines, control } = folds(app);
  const reader = page.locator('.reader-scroll');
  for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowLeft', 'ArrowRight']) await page.keyboard.press(key);
  await expect.poll(() => selected(page)).toBe(rbcLastWord);

  await control.click();
  await expect(control).toHaveText('Fold boilerplate');
  await expect(lines).toHaveCount(0);
  await expect(app.readerText.getByText('Политика,', { exact: true })).toBeVisible();

  // Shown, the boilerplate is text like any other: the next word is the ticker's first.
  await reader.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe('Теги');

  await control.click();
  await expect(control).toHaveText('Show boilerplate (2 parts)');
  await expect(lines).toHaveCount(2);
  await expect(app.readerText.getByText('Политика,', { exact: true })).toBeHidden();
  // The cursor was left in the folded ticker: the next step brings it back to the body, folded.
  await reader.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => selected(page)).toBe(rbcLastWord);
  await expect(control).toHaveText('Show boilerplate (2 parts)');

  await control.click();
  await expect(control).toHaveText('Fold boilerplate');
  await control.click();
  await expect(control).toHaveText('Show boilerplate (2 parts)');
});

test('fold lines speak Russian', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Ваше имя').fill('Анна');
  await page.getByRole('button', { name: 'Начать разметку' }).click();
  await page.getByRole('navigation', { name: 'Документы' }).getByRole('button', { name: rbcTitle }).click();
  const text = page.getByLabel('Текст документа');
  await expect(text.getByRole('button')).toHaveCount(2);
  await expect(text.getByRole('button').first()).toHaveAccessibleName(
    '⋯ служебный текст свёрнут (4 строки), нажмите, чтобы показать',
  );
  await expect(page.getByRole('button', { name: 'Показать служебный текст (2 части)' })).toBeVisible();
  await context.close();
});

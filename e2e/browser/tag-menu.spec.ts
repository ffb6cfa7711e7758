import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

test('at 1280×720 the 23 persuasion tags open inside the window, scroll, and filter as you type', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.chooseCodebook('Narratives', /Persuasion techniques/);

  // A sentence low in the window: a menu opened below it would run off the bottom.
  const quote = 'Russia is preparing an answer to NATO';
  await page.getByText(quote).scrollIntoViewIfNeeded();
  await page.locator('.reader-scroll').evaluate((scroller, quote) => {
    const mark = [...scroller.querySelectorAll('p, span')].find((e) => e.textContent?.includes(quote));
    const box = mark?.getBoundingClientRect();
    if (box) scroller.scrollTop += box.top - (innerHeight - 90);
  }, quote);
  await app.selectText(quote);
  const menu = page.getByRole('toolbar', { name: 'Tag the selection' });
  const box = await menu.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  // Every tag can be reached: the last one scrolls into view inside the menu.
  const last = menu.getByRole('button', { name: /Slogans|Whataboutism|Flag waving/ }).last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();

  // "/" goes to the filter; the words typed narrow the tags; Enter tags with the first.
  await page.keyboard.press('/');
  await expect(menu.getByLabel('Filter tags')).toBeFocused();
  await page.keyboard.type('fear');
  // Tags named by the words come before those only described by them.
  await expect(menu.getByRole('button')).toHaveText([/Appeal to fear\/prejudice/, /Name calling/]);
  await page.keyboard.press('Enter');
  await expect(app.claimItem(quote)).toContainText('Appeal to fear/prejudice');
});

test('keys act where the focus is: Backspace in the document list deletes no claim', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await expect(app.claimPanel).toContainText('Sergei Shoigu arrived in Minsk');

  await app.documents.getByRole('button', { name: shoiguTitle }).focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await expect(app.claimItems()).toHaveCount(1);

  // Back in the work area, the same key deletes the selected claim.
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await page.keyboard.press('Backspace');
  await expect(app.claimItems()).toHaveCount(0);
});

test('a quote that brings its own quotation marks is not given a second pair, and Tab from the note skips Delete', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument('NATO and the EU are pushing Russia and Belarus towards integration');
  await app.tagSelection('“I would say that Russia and Belarus', '2');
  const quote = app.claimItem('“I would say that Russia and Belarus').locator('q');
  expect(await quote.evaluate((q) => getComputedStyle(q, '::before').content)).toBe('no-open-quote');
  expect(await quote.evaluate((q) => getComputedStyle(q, '::after').content)).not.toBe('no-close-quote');

  await app.claimItem('“I would say that Russia and Belarus').getByRole('button').click();
  await app.claimPanel.getByLabel('Note').focus();
  await page.keyboard.press('Tab');
  await expect(app.claimPanel.getByRole('button', { name: /Delete claim/ })).not.toBeFocused();
  await expect(app.claimItems()).toHaveCount(1);
});

test('a claim with two tags shows both colours; its only tag stays on and says why', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  const only = app.claimPanel.getByRole('checkbox', { name: 'Threat narrative' });
  await expect(only).toBeChecked();
  await expect(only).toBeEnabled();
  await only.click();
  await expect(only).toBeChecked();
  await expect(only.locator('xpath=..')).toHaveAttribute('title', /at least one tag/);

  await app.claimPanel.getByRole('checkbox', { name: 'Military cooperation' }).click();
  await expect(app.claimPanel.getByRole('checkbox', { name: 'Military cooperation' })).toBeChecked();
  const mark = app.readerText.locator('mark.claim', { hasText: 'Shoigu' }).first();
  // Threat narrative's and Military cooperation's colours, one band each.
  await expect
    .poll(() => mark.evaluate((m) => getComputedStyle(m).backgroundImage))
    .toMatch(/linear-gradient.*rgba?\(.*rgba?\(/);
});

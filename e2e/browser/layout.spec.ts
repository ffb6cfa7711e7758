import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { lowContrastText, overflowing } from '../pages/legibility';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

/** Nothing on screen too faint to read, and nothing sticking out of `within` or the window. */
async function legible(page: Page, within: string, what: string) {
  expect(await lowContrastText(page, within), `${what}: text without enough contrast`).toEqual([]);
  expect(await overflowing(page, within), `${what}: controls cut off or out of place`).toEqual([]);
}

for (const language of ['en', 'ru'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`at 1280×720 in ${language === 'en' ? 'English' : 'Russian'}, ${theme}: every control fits and can be read`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const app = new Workbench(page);
      await app.open(url);
      // The longest codebook, and a claim made with it, selected.
      await app.chooseCodebook('Narratives', /Persuasion techniques/);
      await app.openDocument(shoiguTitle);
      await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');
      await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();

      await page.getByLabel('Theme').selectOption(theme);
      await page.getByLabel('Interface language / Язык интерфейса').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);

      const header = page.locator('.app-header');
      const height = (await header.boundingBox())?.height;
      expect(height).toBeLessThanOrEqual(48);
      expect(await header.evaluate((h) => h.scrollWidth - h.clientWidth), 'the header fits its row').toBe(0);
      await legible(page, '.app-header', 'the header');
      await legible(page, '.reader-header', 'the document header');
      // The article keeps most of the window: top bar and document header leave it 550 px or more.
      expect((await page.locator('.reader-scroll').boundingBox())?.height).toBeGreaterThanOrEqual(550);
      await legible(page, '.side-panel', 'the claim panel with 23 tags');
      await legible(page, 'nav.document-list', 'the document list, a document with a claim');

      await page.locator('button.codebook-button').click();
      await legible(page, '.modal', 'the codebook dialog');
      await page.locator('.modal .actions button').first().click();
      await expect(page.locator('.codebook-editor')).toBeVisible();
      await legible(page, '.modal', 'the codebook editor');
      await page.locator('.codebook-editor .actions button:not(.primary)').last().click();
      await page.keyboard.press('Escape');

      await page.locator('.export > button').click();
      await legible(page, '.modal', 'the export dialog');
      const download = page.waitForEvent('download');
      await page.locator('.modal button[type="submit"]').click();
      await download;
      // The outcome is told in a notice; the header keeps its height and its menus in view.
      await expect(page.locator('.notice')).toBeVisible();
      expect((await header.boundingBox())?.height).toBe(height);
      await expect(page.locator('.interface-settings select').last()).toBeInViewport();
      await legible(page, '.notices', 'the export notice');
    });
  }
}

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';

/** axe's serious and critical findings on what is on screen now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen has accessible names and enough contrast in the ${theme} theme`, async ({ page }) => {
    // It walks every mode and dialog, with axe's full check on each: longer than one test's minute.
    test.setTimeout(150_000);
    const app = new Workbench(page);
    await app.open(url);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await app.openDocument(shoiguTitle);
    await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');
    await app.tagSelection('Shoigu arrived in Minsk to take part', '5');
    await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
    expect(await seriousViolations(page), 'Annotate, a claim selected').toEqual([]);

    await app.selectText('meeting of the Ministries');
    expect(await seriousViolations(page), 'Annotate, the tag popover open').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Codebook: Narratives' }).click();
    expect(await seriousViolations(page), 'the codebook dialog').toEqual([]);
    await page.getByRole('dialog', { name: 'Codebook' }).getByRole('button', { name: /Edit/ }).click();
    expect(await seriousViolations(page), 'the codebook editor').toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export…' }).click();
    expect(await seriousViolations(page), 'the export dialog').toEqual([]);
    await page.getByRole('form', { name: 'Export annotations' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Backups…' }).click();
    expect(await seriousViolations(page), 'the backups dialog').toEqual([]);
    await page.getByRole('dialog', { name: 'Backups' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Annotator: Ada Analyst (change)' }).click();
    expect(await seriousViolations(page), 'the name dialog').toEqual([]);
    await page.getByRole('form', { name: 'Your name' }).getByRole('button', { name: 'Cancel' }).click();

    const modes = page.getByRole('navigation', { name: 'Mode' });
    await modes.getByRole('button', { name: 'Claims' }).click();
    await expect(page.getByRole('region', { name: 'All claims in the corpus' })).toBeVisible();
    expect(await seriousViolations(page), 'Claims').toEqual([]);

    await modes.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search every document' }).fill('NATO OR НАТО');
    await expect(page.getByRole('region', { name: 'Concordance' }).locator('mark').first()).toBeVisible();
    expect(await seriousViolations(page), 'Search').toEqual([]);

    await modes.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByRole('region', { name: 'Review' })).toBeVisible();
    expect(await seriousViolations(page), 'Review').toEqual([]);

    await modes.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('button', { name: /^Threat narrative in \(none\): 1/ }).click();
    await expect(page.getByRole('region', { name: 'Threat narrative in (none)' })).toBeVisible();
    expect(await seriousViolations(page), 'Analyse, a cell open').toEqual([]);

    await page.keyboard.press('?');
    expect(await seriousViolations(page), 'the shortcuts list').toEqual([]);
  });
}

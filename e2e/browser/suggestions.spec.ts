import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoigu = 'Russia once again speaks about NATO threat for Russia and Belarus';
const training = 'Russia’s close ally Belarus explores training opportunity with NATO';

/** The dashed marks drawn in the reader: how many ranges each highlight holds. */
const marked = (page: Page) =>
  page.evaluate(() => ({
    all: CSS.highlights.get('suggestion')?.size ?? 0,
    // The marks are static ranges: their words are read through a live one.
    current: [...(CSS.highlights.get('suggestion-current') ?? [])].map((marked) => {
      const range = document.createRange();
      range.setStart(marked.startContainer, marked.startOffset);
      range.setEnd(marked.endContainer, marked.endOffset);
      return range.toString();
    }),
  }));

test('text tagged once is suggested where it recurs, taken or turned down by keys, and remembered', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoigu);
  await app.tagSelection('NATO', '1');
  const panel = page.getByRole('region', { name: 'Suggestions' });
  const list = panel.getByRole('list', { name: 'Suggestions in this document' });
  // Three more places in this article say "NATO" on its own: dashed in the text, listed with their context.
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText('Threat narrative');
  await expect(list.getByRole('listitem').first()).toContainText('the NATO military drill');
  await expect.poll(() => marked(page)).toEqual({ all: 3, current: [] });

  // ] selects the first, = takes it as a claim and moves on, - turns the next one down.
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press(']');
  const current = panel.getByRole('status', { name: 'Under the cursor' });
  await expect(current).toContainText('100 % of its claims have this tag');
  await expect.poll(() => marked(page)).toEqual({ all: 3, current: ['NATO'] });
  await page.keyboard.press('=');
  await expect(app.claimItems()).toHaveCount(2);
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('-');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(app.saveStatus).toHaveText('All changes saved');

  // The rejection is remembered: after a reload only the last one is offered.
  await page.reload();
  await app.openDocument(shoigu);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // Accepting all of them is one step that Ctrl+Z takes back.
  await panel.getByRole('button', { name: /^Accept all 1/ }).click();
  await expect(app.claimItems()).toHaveCount(3);
  await expect(panel).toContainText('Nothing to suggest here');
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect(app.claimItems()).toHaveCount(2);
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Another article: the words tagged in the first are suggested there too.
  await app.openDocument(training);
  await expect(list.getByRole('listitem').first()).toContainText('NATO');
  const elsewhere = await list.getByRole('listitem').count();
  expect(elsewhere).toBeGreaterThan(3);
  await list.getByRole('listitem').first().getByRole('button').click();
  await current.getByRole('button', { name: /^Accept/ }).click();
  await expect(app.claimItems()).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveCount(elsewhere - 1);

  // Turned off, nothing is suggested or drawn.
  const turn = panel.getByRole('checkbox', { name: 'Suggest what I tagged elsewhere' });
  await turn.click();
  await expect(turn).not.toBeChecked();
  await expect(list).toHaveCount(0);
  await expect.poll(() => marked(page)).toEqual({ all: 0, current: [] });

  // An accepted suggestion says so in the export: how it was made and its score.
  const exported = JSON.parse((await app.exportAs('native')).content);
  const origins = exported.annotations.map((a: { origin?: unknown }) => a.origin ?? null);
  expect(origins.filter((o: unknown) => o === null)).toHaveLength(1);
  expect(origins.filter((o: unknown) => o !== null)).toEqual([
    { kind: 'suggestion', source: 'repeats', score: 1 },
    { kind: 'suggestion', source: 'repeats', score: 1 },
  ]);
});

test('a gazetteer is imported whole or not at all, suggests its texts, and what was learned exports as one', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoigu);
  const panel = page.getByRole('region', { name: 'Suggestions' });
  await panel.getByText('Gazetteer').click();
  const file = (name: string, content: string) => {
    const path = join(tmpdir(), name);
    writeFileSync(path, content);
    return path;
  };
  // A bad line refuses the file, saying where and why; nothing of it is kept.
  await panel
    .getByLabel('Gazetteer file to import')
    .setInputFiles(file('bad-gazetteer.tsv', 'Minsk\tMilitary cooperation\nKremlin\tPropaganda\n'));
  await expect(panel.getByRole('alert')).toHaveText(
    'bad-gazetteer.tsv was not imported: line 2: names the tag "Propaganda", which the codebook lacks',
  );
  await expect(panel).toContainText('None imported.');

  await panel
    .getByLabel('Gazetteer file to import')
    .setInputFiles(file('places.tsv', '# places\nMinsk\tmilitary cooperation\nthe Kremlin\tThreat narrative\n'));
  await expect(panel.getByRole('status').filter({ hasText: 'imported from' })).toHaveText(
    '2 entries imported from places.tsv.',
  );
  const list = panel.getByRole('list', { name: 'Suggestions in this document' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Minsk' }).first()).toContainText('Military cooperation');
  await list.getByRole('listitem').filter({ hasText: 'Minsk' }).first().getByRole('button').click();
  await expect(panel.getByRole('status', { name: 'Under the cursor' })).toContainText('from the gazetteer');

  // A plain list takes the tag chosen for it.
  await panel.getByLabel('Tag of a plain list').selectOption({ label: 'Integration' });
  await panel.getByLabel('Gazetteer file to import').setInputFiles(file('integration.txt', 'Shoigu\n'));
  await expect(list.getByRole('listitem').filter({ hasText: 'Shoigu' }).first()).toContainText('Integration');
  // It replaced the file before: Minsk is no longer suggested.
  await expect(list.getByRole('listitem').filter({ hasText: 'Military cooperation' })).toHaveCount(0);

  await app.tagSelection('Sergei Shoigu arrived in Minsk', '5');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export what was learned' }).click();
  const written = readFileSync(await (await download).path(), 'utf8');
  expect(written).toBe('Shoigu\tIntegration\nSergei Shoigu arrived in Minsk\tMilitary cooperation\n');
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { narrativesCodebook } from '../../src/shared/codebooks/narratives';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguFile = 'resources/corpus/002_e6cb186dbdad8141.txt';
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const threat = 'NATO’s military activity near our borders';
const drills = 'military activity near our borders has reached unheard of levels';
const colourOf = (label: string) => narrativesCodebook.tags.find((t) => t.label === label)?.colour ?? 'no such tag';

test('the document list shows every article with its title and language', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  const items = app.documents.getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toContainText('NATO and the EU are pushing Russia and Belarus towards integration');
  await expect(items.nth(0)).toContainText('en');
  await expect(items.nth(1)).toContainText('Россия и Белоруссия договорились согласовывать взаимодействие с НАТО');
  await expect(items.nth(1)).toContainText('ru');
  await app.openDocument(shoiguTitle);
  await expect(app.readerText).toContainText('Sergei Shoigu arrived in Minsk');
});

test('the document list counts each document’s claims as they are made, on the open document and the one left', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  const integrationTitle = 'NATO and the EU are pushing Russia and Belarus towards integration';
  const countOf = (title: string) =>
    app.documents.getByRole('listitem').filter({ hasText: title }).locator('.claim-count');
  await app.openDocument(shoiguTitle);
  await app.tagSelection(threat, '1');
  await expect(countOf(shoiguTitle)).toHaveText('1 claim');
  await app.tagSelection(drills, '5');
  await expect(countOf(shoiguTitle)).toHaveText('2 claims');
  // Leave at once, before writes pause: the document left keeps its count, and the next one counts too.
  await app.openDocument(integrationTitle);
  await app.tagSelection('Russia and Belarus are on the same wavelength', '2');
  await expect(countOf(integrationTitle)).toHaveText('1 claim');
  await expect(countOf(shoiguTitle)).toHaveText('2 claims');
  // Once writes pause, the counts are taken again from what is stored, and still agree.
  await page.waitForTimeout(1_500);
  await expect(countOf(shoiguTitle)).toHaveText('2 claims');
  await expect(countOf(integrationTitle)).toHaveText('1 claim');
  await page.reload();
  await expect(countOf(shoiguTitle)).toHaveText('2 claims');
  await expect(countOf(integrationTitle)).toHaveText('1 claim');
});

test('overlapping claims are saved, survive a reload, and can be re-tagged, deleted and exported', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);

  await app.tagSelection(threat, '1');
  await app.tagSelection(drills, '5');
  await expect(app.claimItems()).toHaveCount(2);
  await expect(app.overlapRuns()).toHaveText('military activity near our borders');

  await page.reload();
  await expect(page.getByLabel('Your name')).toHaveCount(0);
  await app.openDocument(shoiguTitle);
  await expect(app.claimItems()).toHaveCount(2);
  await expect(app.claimItem(threat)).toContainText('Threat narrative');
  await expect(app.claimItem(drills)).toContainText('Military cooperation');
  await expect(app.overlapRuns()).toHaveText('military activity near our borders');

  // Each claim's own text shows its tag's colour.
  const threatOnly = app.readerText.locator('mark[data-claim-ids]:not([data-claim-ids*=" "])', { hasText: 'NATO’s' });
  const drillsOnly = app.readerText.locator('mark[data-claim-ids]:not([data-claim-ids*=" "])', { hasText: 'unheard' });
  await expect(threatOnly).toHaveCSS('--claim', colourOf('Threat narrative'));
  await expect(drillsOnly).toHaveCSS('--claim', colourOf('Military cooperation'));

  // Re-tag: select the first claim from the list and press another tag's key; its text changes colour.
  await app.claimItem(threat).getByRole('button').click();
  await expect(app.claimPanel).toContainText(threat);
  await expect(threatOnly).toHaveClass(/is-selected/);
  await expect(app.overlapRuns()).toHaveClass(/is-selected/);
  await expect(drillsOnly).not.toHaveClass(/is-selected/);
  await page.keyboard.press('2');
  await expect(app.claimItem(threat)).toContainText('Integration');
  await expect(app.claimItem(threat)).not.toContainText('Threat narrative');
  await expect(threatOnly).toHaveCSS('--claim', colourOf('Integration'));

  // Delete the other claim with the keyboard; selecting it moves the highlight to its text.
  await app.claimItem(drills).getByRole('button').click();
  await expect(drillsOnly).toHaveClass(/is-selected/);
  await expect(threatOnly).not.toHaveClass(/is-selected/);
  await page.keyboard.press('Delete');
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.overlapRuns()).toHaveCount(0);
  await expect(app.saveStatus).toHaveText('All changes saved');

  const first = await exportFile(app);
  const text = readFileSync(shoiguFile, 'utf8');
  expect(first.json.format).toBe('framing-workbench/labelled-json');
  expect(first.json.formatVersion).toBe(1);
  expect(first.json.annotator).toBe('Ada Analyst');
  expect(first.json.app).toEqual({ name: 'Framing Workbench', version: expect.any(String) });
  expect(first.json.codebook.tags.map((t: { label: string }) => t.label)).toContain('Threat narrative');
  expect(first.json.documents).toHaveLength(5);
  const doc = first.json.documents.find((d: { id: string }) => d.id === '002_e6cb186dbdad8141.txt');
  expect(doc).toMatchObject({ title: shoiguTitle, language: 'en', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

  expect(first.json.annotations).toHaveLength(1);
  const [claim] = first.json.annotations;
  const start = text.indexOf(threat);
  expect(claim).toMatchObject({
    documentId: '002_e6cb186dbdad8141.txt',
    documentSha256: doc.sha256,
    tags: ['integration'],
    annotator: 'Ada Analyst',
    target: {
      start,
      end: start + threat.length,
      codePointStart: start,
      codePointEnd: start + threat.length,
      exact: threat,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + threat.length, start + threat.length + 32),
    },
  });
  expect(first.json.tombstones).toEqual([expect.objectContaining({ documentId: '002_e6cb186dbdad8141.txt' })]);

  const second = await exportFile(app);
  const withoutTime = (content: string) => content.replace(/"exportedAt": "[^"]+"/, '');
  expect(withoutTime(second.content)).toBe(withoutTime(first.content));
});

test('the mouse alone can tag a selection and pick one of two overlapping claims', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);

  await app.readerText
    .getByText('Sergei Shoigu arrived in Minsk', { exact: false })
    .first()
    .dblclick({
      position: { x: 5, y: 5 },
    });
  const popover = page.getByRole('toolbar', { name: 'Tag the selection' });
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: /Military cooperation/ }).click();
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.claimItem('Sergei')).toContainText('Military cooperation');
  await expect(popover).toHaveCount(0);

  await app.tagSelection('Sergei Shoigu arrived', '1');
  await app.overlapRuns().first().click();
  const chooser = page.getByRole('menu', { name: 'Claims here' });
  await expect(chooser.getByRole('menuitem')).toHaveCount(2);
  await chooser.getByRole('menuitem', { name: /Threat narrative/ }).click();
  await expect(app.claimPanel).toContainText('Sergei Shoigu arrived');

  await app.claimPanel.getByRole('checkbox', { name: 'Integration' }).click();
  await expect(app.claimPanel.getByRole('checkbox', { name: 'Integration' })).toBeChecked();
  await expect(app.claimItem('Sergei Shoigu arrived')).toContainText('Integration');
  await expect(app.claimItem('Sergei Shoigu arrived')).toContainText('Threat narrative');
  await app.claimPanel.getByRole('button', { name: /Delete claim/ }).click();
  await expect(app.claimItems()).toHaveCount(1);
});

async function exportFile(app: Workbench) {
  const file = await app.exportAs('native');
  expect(file.name).toMatch(/^corpus-all-narratives-native-\d{8}-\d{6}\.json$/);
  return { content: file.content, json: JSON.parse(file.content) };
}

test('the keyboard walks the claims and ? lists every shortcut', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(threat, '1');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(app.claimPanel).toContainText(threat);
  await page.keyboard.press('ArrowDown');
  await expect(app.claimPanel).toContainText('Russia is preparing an answer to NATO');
  await page.keyboard.press('ArrowUp');
  await expect(app.claimPanel).toContainText(threat);

  // The help is made from the shortcuts the window listens for, and opens at its top on a small screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await expect(help.getByRole('row', { name: '1 Threat narrative' })).toBeVisible();
  await expect(help).toContainText('Delete the selected claim');
  await expect(help.getByRole('row', { name: /^x Reject them all/ })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('a tag key pressed twice on one selection makes one claim', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.selectText(threat);
  // The toolbar and the panels follow the reader a frame later; the second press must not tag the selection again.
  await page.keyboard.press('1');
  await page.keyboard.press('1');
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.saveStatus).toHaveText('All changes saved');
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toHaveCount(0);
  await expect(app.readerText.locator('mark[data-claim-ids]')).toHaveCount(1);
  await page.reload();
  await app.openDocument(shoiguTitle);
  await expect(app.claimItems()).toHaveCount(1);
});

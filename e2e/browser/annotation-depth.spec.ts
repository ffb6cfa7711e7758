import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const arrived = 'Sergei Shoigu arrived in Minsk';
const threat = 'NATO’s military activity near our borders';

test('a claim carries a speaker (suggested from earlier claims), stance, confidence and note, kept across a reload', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(arrived, '1');
  await app.claimItem(arrived).getByRole('button').click();

  await app.claimPanel.getByLabel('Speaker').fill('Sergei Shoigu');
  await app.claimPanel.getByLabel('Speaker').press('Enter');
  await app.claimPanel.getByLabel('Stance').selectOption({ label: 'Disputed' });
  await app.claimPanel.getByLabel('Confidence').selectOption({ label: 'High' });
  await app.claimPanel.getByLabel('Note').fill('Repeats the 2018 talking point.');
  await app.claimPanel.getByLabel('Note').blur();
  await expect(app.claimItem(arrived)).toContainText('Sergei Shoigu');
  await expect(app.saveStatus).toHaveText('All changes saved');

  await page.reload();
  await app.openDocument(shoiguTitle);
  await app.claimItem(arrived).getByRole('button').click();
  await expect(app.claimPanel.getByLabel('Speaker')).toHaveValue('Sergei Shoigu');
  await expect(app.claimPanel.getByLabel('Stance')).toHaveValue('disputed');
  await expect(app.claimPanel.getByLabel('Confidence')).toHaveValue('high');
  await expect(app.claimPanel.getByLabel('Note')).toHaveValue('Repeats the 2018 talking point.');

  // A second claim is offered the speaker named before.
  await app.tagSelection(threat, '5');
  await app.claimItem(threat).getByRole('button').click();
  const suggestions = await app.claimPanel
    .getByLabel('Speaker')
    .evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
  expect(suggestions).toContain('Sergei Shoigu');

  // The claims list filters by speaker and by tag.
  await app.claimList.getByLabel('Speaker').selectOption('Sergei Shoigu');
  await expect(app.claimItems()).toHaveCount(1);
  await app.claimList.getByLabel('Speaker').selectOption({ label: 'No speaker given' });
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.claimItems()).toContainText(threat);
  await app.claimList.getByLabel('Speaker').selectOption({ label: 'Any speaker' });
  await app.claimList.getByLabel('Tag').selectOption({ label: 'Military cooperation' });
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.claimItems()).toContainText(threat);
});

test('typed speakers and notes are saved as they are typed: across a reload without leaving the field, and undone as one step', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(arrived, '1');
  await app.claimItem(arrived).getByRole('button').click();

  // Typed in bouts with pauses, never leaving the field: one bout of typing, one step to undo.
  const speaker = app.claimPanel.getByLabel('Speaker');
  await speaker.pressSequentially('Sergei');
  await expect(app.saveStatus).toHaveText('Saving…');
  await page.waitForTimeout(700);
  await speaker.pressSequentially(' Shoigu');
  await expect(app.saveStatus).toHaveText('All changes saved');
  await expect(speaker).toHaveValue('Sergei Shoigu');
  await app.claimPanel.getByLabel('Note').pressSequentially('Typed just before the window closed');
  // The window goes away while the note is still in its field.
  await page.reload();
  await app.openDocument(shoiguTitle);
  await app.claimItem(arrived).getByRole('button').click();
  await expect(app.claimPanel.getByLabel('Note')).toHaveValue('Typed just before the window closed');
  await expect(speaker).toHaveValue('Sergei Shoigu');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.claimPanel.getByLabel('Note')).toHaveValue('');
  await expect(speaker).toHaveValue('Sergei Shoigu');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(speaker).toHaveValue('');
  await expect(app.claimItem(arrived)).toBeVisible();
});

test('a drag snaps to whole words, Alt+drag keeps exact characters', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);

  await app.drag(await app.pointAt(arrived, 9), await app.pointAt(arrived, 17));
  await page.keyboard.press('2');
  await expect(app.claimItem('Shoigu arrived')).toContainText('Integration');

  await app.drag(await app.pointAt('take part in meeting', 1), await app.pointAt('take part in meeting', 10), true);
  await page.keyboard.press('3');
  await expect(app.claimItem('ake part i')).toContainText('Sanctions');
});

test('the keyboard alone selects words, makes a claim across paragraphs, moves its edges, and undoes across a reload', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);

  // → selects the first word; Shift+→ widens to the next words; a tag key makes the claim.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(app.claimItem('Russia once again')).toContainText('Threat narrative');
  await expect(app.selectedQuote()).toHaveText('Russia once again');

  // The selected claim's end and start move by a word.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(app.selectedQuote()).toHaveText('Russia once again speaks');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(app.selectedQuote()).toHaveText('once again speaks');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(app.selectedQuote()).toHaveText('once again');

  // Undo puts the edges back, one step at a time, also after a reload.
  await page.keyboard.press('Control+z');
  await expect(app.selectedQuote()).toHaveText('once again speaks');
  await expect(app.saveStatus).toHaveText('All changes saved');
  await page.reload();
  await app.openDocument(shoiguTitle);
  await expect(app.claimItems()).toHaveCount(1);
  await expect(app.claimItem('once again speaks')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(app.claimItem('Russia once again speaks')).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(app.claimItems()).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(app.claimItem('Russia once again')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(app.claimItem('Russia once again speaks')).toBeVisible();

  // Esc clears; → and Shift+→ run over the end of the title into the next paragraph.
  await page.keyboard.press('Escape');
  await app.selectText('Russia and Belarus');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('4');
  await expect(app.selectedQuote()).toHaveText(/^Russia and Belarus\s+The Minister$/);

  // ↑/↓ walk the claims; Delete removes the selected one; Ctrl+Z brings it back.
  await page.keyboard.press('ArrowUp');
  await expect(app.selectedQuote()).toHaveText('Russia once again speaks');
  await page.keyboard.press('Delete');
  await expect(app.claimItems()).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(app.claimItems()).toHaveCount(2);
});

test('the corpus-wide claims view lists every claim with its document, filters, and opens one', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(arrived, '5');
  await app.tagSelection(threat, '1');
  await app.openDocument('Россия и Белоруссия договорились согласовывать взаимодействие с НАТО');
  await app.tagSelection('НАТО', '1');

  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Claims' }).click();
  const view = page.getByRole('region', { name: 'All claims in the corpus' });
  await expect(view.getByRole('listitem')).toHaveCount(3);
  await view.getByLabel('Tag').selectOption({ label: 'Threat narrative' });
  await expect(view.getByRole('listitem')).toHaveCount(2);
  await view.getByLabel('Search the quotes').fill('borders');
  await expect(view.getByRole('listitem')).toHaveCount(1);
  await expect(view.getByRole('listitem')).toContainText(shoiguTitle);
  await view.getByRole('listitem').getByRole('button').click();

  await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(shoiguTitle);
  await expect(app.selectedQuote()).toHaveText(threat);
});

test('codebooks switch per corpus, edit into a new version with clashes refused, and travel as a JSON file', async ({
  page,
  browser,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(arrived, '1');

  await page.getByRole('button', { name: 'Codebook: Narratives' }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await dialog.getByRole('radio', { name: /Policy frames/ }).click();
  await expect(dialog.getByRole('radio', { name: /Policy frames/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const codebook = page.getByRole('region', { name: 'Codebook' });
  await expect(codebook.getByRole('heading')).toContainText('Policy frames');
  await expect(codebook.getByRole('button')).toHaveCount(14);
  const security = codebook.getByRole('button', { name: /Security and defen/ });
  await expect(security).toHaveAttribute('title', /.{20,}/);
  const key = (await security.locator('kbd').textContent()) ?? '';
  await app.tagSelection(threat, key);
  await expect(app.claimItem(threat)).toContainText('Security and defen');
  await app.claimItem(threat).getByRole('button').click();
  await expect(app.claimPanel).toContainText('policy-frames v1');

  // Edit: a key another tag has is refused; a renamed tag keeps its id, and saving makes version 2.
  await page.getByRole('button', { name: 'Codebook: Policy frames' }).click();
  await dialog.getByRole('button', { name: /Edit/ }).click();
  const economicKey = dialog.getByLabel('Key of Economic', { exact: true });
  await economicKey.fill(key);
  await expect(dialog.getByRole('alert')).toContainText(`"${key}" is already used by`);
  await dialog.getByLabel('Label of Economic', { exact: true }).fill('Economy and finance');
  await dialog.getByLabel('Label of Economic', { exact: true }).press('Enter');
  await dialog.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(dialog.getByRole('status')).toContainText('version 2');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await (await download).path();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(codebook.getByRole('heading')).toContainText('v2');
  await expect(codebook.getByRole('button', { name: /Economy and finance/ })).toBeVisible();
  await expect(app.claimItem(threat)).toContainText('Security and defen');
  await app.claimItem(threat).getByRole('button').click();
  await expect(app.claimPanel).toContainText('policy-frames v1');

  const shared = JSON.parse(readFileSync(file, 'utf8'));
  expect(shared.format).toBe('framing-workbench.codebook');
  expect(shared.codebook.version).toBe(2);
  expect(shared.codebook.tags.find((t: { id: string }) => t.id === 'economic')?.label).toBe('Economy and finance');

  // A colleague's fresh workbench imports it and annotates with it.
  const other = await browser.newContext();
  const colleague = new Workbench(await other.newPage());
  await colleague.open(url, 'Boris Colleague');
  await colleague.page.getByRole('button', { name: 'Codebook: Narratives' }).click();
  await colleague.page.getByLabel('Codebook file to import').setInputFiles(file);
  const theirs = colleague.page.getByRole('dialog', { name: 'Codebook' });
  await expect(theirs.getByRole('status')).toContainText('Imported "Policy frames" v2 (14 tags)');
  await expect(theirs.getByRole('radio', { name: /Policy frames/ })).toBeChecked();
  await theirs.getByRole('button', { name: 'Close' }).click();
  await expect(
    colleague.page.getByRole('region', { name: 'Codebook' }).getByRole('button', { name: /Economy and finance/ }),
  ).toBeVisible();

  // A broken file is refused with the reason, and nothing changes.
  await colleague.page.getByRole('button', { name: 'Codebook: Policy frames' }).click();
  await colleague.page.getByLabel('Codebook file to import').setInputFiles({
    name: 'broken.codebook.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "framing-workbench.codebook", "formatVersion": 1, "codebook": {"id": "x"'),
  });
  await expect(theirs.getByRole('alert')).toContainText('broken.codebook.json was not imported');
  await expect(theirs.getByRole('radio', { name: /Policy frames/ })).toBeChecked();
  await other.close();
});

test('the persuasion techniques codebook offers 23 tags in groups, with letter keys', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await page.getByRole('button', { name: 'Codebook: Narratives' }).click();
  const choice = page.getByRole('dialog', { name: 'Codebook' }).getByRole('radio', { name: /Persuasion techniques/ });
  await choice.click();
  await expect(choice).toBeChecked();
  await page.keyboard.press('Escape');
  const codebook = page.getByRole('region', { name: 'Codebook' });
  await expect(codebook.getByRole('button')).toHaveCount(23);
  await expect(codebook.getByRole('heading', { level: 3 })).toHaveCount(6);
  const loaded = codebook.getByRole('button', { name: /Loaded language/ });
  const key = (await loaded.locator('kbd').textContent()) ?? '';
  expect(key).toMatch(/^[0-9a-z]$/);
  await app.tagSelection('counterproductive', key);
  await expect(app.claimItem('counterproductive')).toContainText('Loaded language');
});

test('the interface follows a Russian system, switches language and theme, and remembers both', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const app = new Workbench(page);
  await page.goto(url);
  await page.getByLabel('Ваше имя').fill('Анна');
  await page.getByRole('button', { name: 'Начать разметку' }).click();
  const modes = page.getByRole('navigation', { name: 'Режим' });
  await expect(modes.getByRole('button', { name: 'Разметка' })).toBeVisible();
  await expect(modes.getByRole('button', { name: 'Проверка' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await page.getByRole('navigation', { name: 'Документы' }).getByRole('button', { name: shoiguTitle }).click();
  await page.getByLabel('Текст документа').waitFor();
  await expect(page.getByRole('region', { name: 'Утверждения в документе' })).toBeVisible();

  await page.getByLabel('Тема').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(modes.getByRole('button', { name: 'Разметка' })).toBeVisible();

  // Switching the language keeps the window as it was: the same document open, in the same mode.
  await page.getByRole('navigation', { name: 'Документы' }).getByRole('button', { name: shoiguTitle }).click();
  await modes.getByRole('button', { name: 'Утверждения' }).click();
  await page.getByLabel('Interface language / Язык интерфейса').selectOption('en');
  const englishModes = page.getByRole('navigation', { name: 'Mode' });
  await expect(englishModes.getByRole('button', { name: 'Claims' })).toHaveAttribute('aria-pressed', 'true');
  await englishModes.getByRole('button', { name: 'Annotate' }).click();
  await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(shoiguTitle);
  await page.reload();
  await expect(app.readerText).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('the layout holds at 1280×720: reader, claims and codebook in view, nothing overflowing sideways', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(arrived, '1');
  await expect(app.reader).toBeInViewport();
  await expect(app.claimPanel).toBeInViewport({ ratio: 0.5 });
  // The side panel scrolls on its own: the claims and the codebook are a scroll away, never cut off.
  for (const region of [app.claimList, page.getByRole('region', { name: 'Codebook' })]) {
    await region.scrollIntoViewIfNeeded();
    await expect(region).toBeInViewport({ ratio: 0.1 });
    await expect(app.reader).toBeInViewport();
  }
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    header: document.querySelector('.app-header')?.scrollWidth ?? 0,
  }));
  expect(widths.page).toBeLessThanOrEqual(1280);
  expect(widths.header).toBeLessThanOrEqual(1280);
  await context.close();
});

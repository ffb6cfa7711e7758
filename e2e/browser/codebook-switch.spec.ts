import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { SAMPLE_PORT } from '../../playwright.config';
import { narrativesCodebook } from '../../src/shared/codebooks/narratives';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const quote = 'Sergei Shoigu arrived in Minsk';
const threatColour = narrativesCodebook.tags.find((t) => t.id === 'threat-narrative')?.colour ?? '';

test('claims keep their tags’ labels and colours when the corpus switches codebooks, and back', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(quote, '1');

  const mark = app.readerText.locator('mark.claim', { hasText: 'Shoigu' }).first();

  for (const [from, to] of [
    ['Narratives', /Policy frames/],
    ['Policy frames', /Narratives/],
    ['Narratives', /Persuasion techniques/],
  ] as const) {
    await app.chooseCodebook(from, to);
    // The list, the reader and the panel read the claim through Narratives, never as a bare id.
    await expect(app.claimItem(quote)).toContainText('Threat narrative');
    await expect(app.claimItem(quote)).not.toContainText('threat-narrative');
    await expect(mark).toHaveCSS('--claim', threatColour);
    await app.claimItem(quote).getByRole('button').click();
    await expect(app.claimPanel.getByRole('checkbox', { name: 'Threat narrative' })).toBeChecked();
    await page.keyboard.press('Escape');
  }
});

test('an export names whose claims it holds and its codebook; brat names tags of another codebook', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(shoiguTitle);
  await app.tagSelection(quote, '1');
  await app.chooseCodebook('Narratives', /Policy frames/);

  const mine = await app.exportAs('native', { scope: /Only the claims of one annotator/ });
  expect(mine.name).toMatch(/^corpus-Ada-Analyst-policy-frames-native-\d{8}-\d{6}\.json$/);
  const brat = await app.exportAs('brat', { scope: /Every claim in the corpus/ });
  expect(brat.name).toMatch(/^corpus-all-policy-frames-brat-/);
  const visual = Object.entries(unzipSync(new Uint8Array(brat.bytes))).find(([name]) => name.endsWith('visual.conf'));
  const conf = new TextDecoder().decode(visual?.[1]);
  // Named and coloured as Narratives has it, not left as a bare id.
  expect(conf).toContain('threat-narrative | Threat narrative');
  expect(conf).toContain(`threat-narrative\tbgColor:${threatColour}`);
});

test('the export dialog says what the chosen format leaves out before writing it', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('form', { name: 'Export annotations' });
  const note = dialog.getByRole('note');
  await dialog.getByLabel('Format').selectOption('native');
  await expect(note).toHaveCount(0);
  await dialog.getByLabel('Format').selectOption('doccano');
  await expect(note).toContainText('who made each claim');
  await expect(note).toContainText('speaker, stance, confidence and note');
  // Label Studio keeps the note and attributes in each region's meta.
  await dialog.getByLabel('Format').selectOption('labelstudio');
  await expect(note).not.toContainText('who made each claim');
  await expect(note).not.toContainText('speaker, stance, confidence and note');
  await expect(note).toContainText('when each claim was made and changed');
});

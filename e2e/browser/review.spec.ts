import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const title = 'Russia once again speaks about NATO threat for Russia and Belarus';
const threat = 'NATO’s military activity near our borders';
const answer = 'Russia is preparing an answer to NATO';
const loyalty = 'demonstrate loyalty in exchange for economic preferences';

/** One colleague's claims, made in their own browser profile and exported as they would be. */
async function annotatorFile(
  browser: Browser,
  name: string,
  claims: [string, string][],
  framing: string,
): Promise<string> {
  const context = await browser.newContext();
  const app = new Workbench(await context.newPage());
  await app.open(url, name);
  await app.openDocument(title);
  for (const [quote, key] of claims) await app.tagSelection(quote, key);
  await app.frame(framing);
  const file = await app.exportAs('native');
  await context.close();
  const path = join(mkdtempSync(join(tmpdir(), 'fw-review-')), `${name}.json`);
  writeFileSync(path, file.content);
  return path;
}

test('three annotators are compared, the disagreements adjudicated by keyboard, and the gold layer exported', async ({
  page,
  browser,
}) => {
  const boris = await annotatorFile(
    browser,
    'Boris',
    [
      [threat, '1'],
      [answer, '5'],
    ],
    'Threat narrative',
  );
  const chen = await annotatorFile(
    browser,
    'Chen',
    [
      [threat, '1'],
      [answer, '1'],
      [loyalty, '6'],
    ],
    'Threat narrative',
  );
  const app = new Workbench(page);
  await app.open(url, 'Ada Adjudicator');
  await app.openDocument(title);
  await app.tagSelection(threat, '1');
  await app.tagSelection(answer, '5');
  await app.frame('Military cooperation');
  await page.getByLabel('Annotation files to import').setInputFiles([boris, chen]);
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();

  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  // The threat claim is agreed by all three; the answer is tagged differently; loyalty is Chen's alone.
  await expect(review.getByRole('status')).toHaveText('2 of 2 disagreements left');
  const disagreements = review.getByRole('list', { name: 'Disagreements' }).locator(':scope > li');
  await expect(disagreements).toHaveCount(2);
  await expect(disagreements.nth(0)).toContainText('partial');
  await expect(disagreements.nth(1)).toContainText('one annotator');
  // The passage is shown once per annotator, each marking what they claimed.
  const lanes = review.getByRole('group', { name: 'Passage by annotator' });
  await expect(lanes.locator('mark')).toHaveCount(3);
  // Switching Chen's layer off leaves Ada and Boris, who agree on everything they marked.
  const layers = review.getByRole('group', { name: 'Annotators compared' });
  await layers.getByRole('button', { name: 'Chen' }).click();
  await expect(review.getByRole('status')).toHaveText('2 claims, all agreed');
  await layers.getByRole('button', { name: 'Chen' }).click();
  await expect(review.getByRole('status')).toHaveText('2 of 2 disagreements left');

  const download = page.waitForEvent('download');
  await review.getByRole('button', { name: 'Export disagreements (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFdocument_id,start,end,agreement,settled,passage,annotators,claims');
  expect(csv).toContain(`partial,no,${answer},Ada Adjudicator; Boris; Chen,`);

  // Accept the first annotator's version of the partial claim, with a rationale.
  await review.getByLabel('Rationale').fill('Military cooperation fits the context');
  await review.getByLabel('Rationale').blur();
  await page.keyboard.press('1');
  await expect(review.getByRole('status')).toHaveText('1 of 2 disagreements left');
  // Move to Chen's lone claim and reject it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await expect(review.getByRole('status')).toHaveText('0 of 2 disagreements left');

  const gold = review.getByRole('complementary', { name: 'Gold claims' });
  await expect(gold).toContainText(answer);
  await expect(gold).toContainText(
    'accepted from Ada Adjudicator by Ada Adjudicator: Military cooperation fits the context',
  );

  const agreement = review.getByRole('region', { name: 'Agreement' });
  await expect(agreement).toContainText('Ada Adjudicator, Boris, Chen');
  // Document framing: Boris and Chen agree, Ada does not; with one document no kappa is defined yet.
  await expect(agreement.getByRole('row', { name: /Cohen’s κ, Boris \/ Chen/ })).toBeVisible();
  await expect(agreement.getByRole('row', { name: /Krippendorff’s α/ })).toBeVisible();

  const exported = await app.exportAs('native', { scope: /Only the claims of one annotator/, annotator: 'Gold' });
  const file = JSON.parse(exported.content);
  expect(file.annotations).toHaveLength(1);
  expect(file.annotations[0]).toMatchObject({
    annotator: 'Gold',
    tags: ['military-cooperation'],
    target: { exact: answer },
    provenance: {
      decision: 'accepted',
      decidedBy: 'Ada Adjudicator',
      rationale: 'Military cooperation fits the context',
      sources: [{ annotator: 'Ada Adjudicator' }],
    },
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const title = 'Russia once again speaks about NATO threat for Russia and Belarus';
const threat = 'NATO’s military activity near our borders';
const answer = 'Russia is preparing an answer to NATO';
const loyalty = 'demonstrate loyalty in exchange for economic preferences';
const second = 'NATO and the EU are pushing Russia and Belarus towards integration';
const aid = 'Russia has come to the aid of Minsk';
const sanctions = 'imposes sanctions';

type Claims = { [title: string]: [string, string][] };

/** One colleague's claims, made in their own browser profile and exported as they would be. */
async function annotatorFile(browser: Browser, name: string, claims: Claims, framing: string): Promise<string> {
  const context = await browser.newContext();
  const app = new Workbench(await context.newPage());
  await app.open(url, name);
  await annotate(app, claims, framing);
  const file = await app.exportAs('native');
  await context.close();
  const path = join(mkdtempSync(join(tmpdir(), 'fw-review-')), `${name}.json`);
  writeFileSync(path, file.content);
  return path;
}

/** Claims in each document, and the first document's framing. */
async function annotate(app: Workbench, claims: Claims, framing: string) {
  for (const [document, list] of Object.entries(claims)) {
    await app.openDocument(document);
    for (const [quote, key] of list) await app.tagSelection(quote, key);
    if (document === title) await app.frame(framing);
  }
}

/**
 * Three annotators over two documents: the threat claim and the aid claim are agreed by all;
 * the answer is tagged differently, loyalty and sanctions are one annotator's alone, and Ada
 * frames the first document differently from Boris and Chen.
 */
async function threeAnnotators(page: Page, browser: Browser) {
  const boris = await annotatorFile(
    browser,
    'Boris',
    {
      [title]: [
        [threat, '1'],
        [answer, '5'],
      ],
      [second]: [[aid, '2']],
    },
    'Threat narrative',
  );
  const chen = await annotatorFile(
    browser,
    'Chen',
    {
      [title]: [
        [threat, '1'],
        [answer, '1'],
        [loyalty, '6'],
      ],
      [second]: [
        [aid, '2'],
        [sanctions, '3'],
      ],
    },
    'Threat narrative',
  );
  const app = new Workbench(page);
  await app.open(url, 'Ada Adjudicator');
  await annotate(
    app,
    {
      [title]: [
        [threat, '1'],
        [answer, '5'],
      ],
      [second]: [[aid, '2']],
    },
    'Military cooperation',
  );
  await page.getByLabel('Annotation files to import').setInputFiles([boris, chen]);
  await page.getByRole('dialog', { name: 'Import report' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  return app;
}

test('the corpus queue is adjudicated by keyboard into a gold set that starts from agreement', async ({
  page,
  browser,
}) => {
  const app = await threeAnnotators(page, browser);
  const review = page.getByRole('region', { name: 'Review' });
  const progress = review.getByRole('status').filter({ hasText: 'settled' });
  const goldSum = review.getByRole('status', { name: 'Gold' });
  // Both agreed claims are gold at once, marked as agreed; four disagreements in two documents wait.
  await expect(goldSum).toHaveText('2 = 2 from agreement + 0 adjudicated');
  await expect(progress).toHaveText('0 of 4 settled');
  const queue = review.getByRole('list', { name: 'Disagreements in the corpus' });
  const items = queue.locator(':scope > li');
  await expect(items).toHaveCount(4);
  // In the corpus's order: the second article's file comes first.
  await expect(items.nth(0)).toContainText(second);
  await expect(items.nth(0)).toContainText(sanctions);
  await expect(items.nth(1)).toContainText('document framing');
  await expect(items.nth(2)).toContainText('partial');
  await expect(items.nth(3)).toContainText('one annotator');

  // Filters: the framing alone; what Boris and Chen disagree on (not the framing they share).
  const filters = review.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Kind').selectOption({ label: 'document framing' });
  await expect(items).toHaveCount(1);
  await filters.getByLabel('Kind').selectOption({ label: 'All kinds' });
  await filters.getByLabel('Annotator pair').selectOption({ label: 'Boris / Chen' });
  await expect(items).toHaveCount(3);
  await filters.getByLabel('Annotator pair').selectOption({ label: 'All annotators' });
  await expect(items).toHaveCount(4);

  // The passage is shown once per annotator, each marking what they claimed.
  await items.nth(2).getByRole('button').first().click();
  await expect(review.getByRole('group', { name: 'Passage by annotator' }).locator('mark')).toHaveCount(3);
  const download = page.waitForEvent('download');
  await review.getByRole('button', { name: 'Export disagreements (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFdocument_id,start,end,agreement,settled,passage,annotators,claims');
  expect(csv).toContain(`partial,no,${answer},Ada Adjudicator; Boris; Chen,`);

  // The framing: Boris's (2) is taken; the focus moves on to the next open item, the answer.
  await items.nth(1).getByRole('button').first().click();
  await page.keyboard.press('2');
  await expect(progress).toHaveText('1 of 4 settled');
  await expect(items.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(items.nth(2).getByRole('button').first()).toBeFocused();

  // The answer: Ada's version with a rationale; pressing the key again changes nothing.
  await review.getByLabel('Rationale').fill('Military cooperation fits the context');
  await review.getByLabel('Rationale').blur();
  await page.keyboard.press('1');
  await expect(progress).toHaveText('2 of 4 settled');
  await expect(goldSum).toHaveText('3 = 2 from agreement + 1 adjudicated');
  await expect(items.nth(3)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(2).getByRole('note')).toContainText(
    'accepted from Ada Adjudicator by Ada Adjudicator: Military cooperation fits the context',
  );
  await review.getByLabel('Rationale').fill('Military cooperation fits the context');
  await review.getByLabel('Rationale').blur();
  await page.keyboard.press('1');
  await expect(items.nth(3)).toHaveAttribute('aria-current', 'true');
  await expect(goldSum).toHaveText('3 = 2 from agreement + 1 adjudicated');
  // Deciding again replaces the decision: Chen's version instead of Ada's, still one gold claim.
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(2)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('3');
  await expect(items.nth(3)).toHaveAttribute('aria-current', 'true');
  await expect(goldSum).toHaveText('3 = 2 from agreement + 1 adjudicated');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(2).getByRole('note')).toContainText('Threat narrative');
  await expect(items.nth(2).getByRole('note')).toContainText('accepted from Chen');
  // Undo takes Chen's back and puts Ada's back; redo and undo again.
  await page.keyboard.press('Control+z');
  await expect(items.nth(2).getByRole('note')).toContainText('Military cooperation');
  await page.keyboard.press('Control+Shift+z');
  await expect(items.nth(2).getByRole('note')).toContainText('accepted from Chen');
  await page.keyboard.press('Control+z');
  await expect(items.nth(2).getByRole('note')).toContainText('accepted from Ada Adjudicator');
  await expect(goldSum).toHaveText('3 = 2 from agreement + 1 adjudicated');

  // Loyalty is rejected with a rationale, which the decision shows.
  await page.keyboard.press('ArrowDown');
  await review.getByLabel('Rationale').fill('Not a claim of the outlet');
  await review.getByLabel('Rationale').blur();
  await page.keyboard.press('x');
  await expect(progress).toHaveText('3 of 4 settled');
  // The focus is on the next document's item, which is discussed before it is settled.
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');
  await review.getByLabel('Comment').fill('Is “imposes sanctions” pressure or just a fact?');
  await review.getByLabel('Comment').press('Enter');
  await expect(review.getByRole('region', { name: 'Discussion' })).toContainText('Ada Adjudicator');
  await expect(items.nth(0)).toContainText('1 comment');
  await review.getByLabel('Comment').blur();
  await page.keyboard.press('1');
  await expect(progress).toHaveText('4 of 4 settled');
  await expect(goldSum).toHaveText('4 = 2 from agreement + 2 adjudicated');

  // A gold claim removed from the Gold tab reopens its item; undo puts it back.
  const gold = review.getByRole('region', { name: 'Gold claims' });
  await gold
    .getByRole('listitem')
    .filter({ hasText: sanctions })
    .getByRole('button', { name: 'Remove from gold' })
    .click();
  await expect(progress).toHaveText('3 of 4 settled');
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('4 of 4 settled');

  // A settled item reopened with o, then rejected again.
  await items.nth(3).getByRole('button').first().click();
  await expect(items.nth(3).getByRole('note')).toContainText('rejected by Ada Adjudicator: Not a claim of the outlet');
  await page.keyboard.press('o');
  await expect(progress).toHaveText('3 of 4 settled');
  await expect(review.getByLabel('Rationale')).toHaveValue('Not a claim of the outlet');
  await page.keyboard.press('x');
  await expect(progress).toHaveText('4 of 4 settled');

  // Each annotator sees what gold made of their work: Chen's answer re-tagged, loyalty rejected.
  await review.getByRole('tab', { name: 'Feedback' }).click();
  const feedback = review.getByRole('region', { name: 'Feedback from gold' });
  await feedback.getByLabel('Annotator').selectOption('Chen');
  await expect(feedback.getByRole('row', { name: /^kept/ })).toContainText('3');
  await expect(feedback.getByRole('row', { name: /^re-tagged/ })).toContainText('1');
  await expect(feedback.getByRole('row', { name: /^rejected/ })).toContainText('1');

  // The agreement panel measures the document framing per label as well as by label sets.
  await review.getByRole('tab', { name: 'Agreement' }).click();
  const agreement = review.getByRole('region', { name: 'Agreement' });
  await expect(agreement).toContainText('Ada Adjudicator, Boris, Chen');
  await expect(agreement.getByRole('row', { name: /Krippendorff’s α \(MASI\)/ })).toBeVisible();

  // Gold holds the agreed claims and the settled ones: 2 + 2, with provenance and rationale; the
  // rejection, its rationale and the discussion travel in the same file, and the gold framing too.
  const exported = await app.exportAs('native', { scope: /Only the claims of one annotator/, annotator: 'Gold' });
  const file = JSON.parse(exported.content);
  expect(file.annotations).toHaveLength(4);
  expect(
    file.annotations.filter((a: { provenance: { decision: string } }) => a.provenance.decision === 'agreed'),
  ).toHaveLength(2);
  expect(file.annotations.find((a: { target: { exact: string } }) => a.target.exact === answer)).toMatchObject({
    annotator: 'Gold',
    tags: ['military-cooperation'],
    provenance: {
      decision: 'accepted',
      decidedBy: 'Ada Adjudicator',
      rationale: 'Military cooperation fits the context',
      sources: [{ annotator: 'Ada Adjudicator' }],
    },
  });
  expect(file.documentLabels).toEqual([expect.objectContaining({ annotator: 'Gold', tags: ['threat-narrative'] })]);
  expect(file.reviews).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        decision: expect.objectContaining({ kind: 'rejected', rationale: 'Not a claim of the outlet' }),
      }),
      expect.objectContaining({
        comments: [
          expect.objectContaining({
            author: 'Ada Adjudicator',
            text: 'Is “imposes sanctions” pressure or just a fact?',
          }),
        ],
      }),
    ]),
  );
});

test('asked for, agreed claims reach gold in one action that undo takes back', async ({ page, browser }) => {
  await threeAnnotators(page, browser);
  const review = page.getByRole('region', { name: 'Review' });
  const goldSum = review.getByRole('status', { name: 'Gold' });
  await expect(goldSum).toHaveText('2 = 2 from agreement + 0 adjudicated');
  // Asked for from now on: undo the automatic ones? No: they were the app's; remove one and ask.
  await review.getByLabel('Gold from agreement').selectOption({ label: 'when I ask' });
  const gold = review.getByRole('region', { name: 'Gold claims' });
  await review
    .getByRole('list', { name: 'Disagreements in the corpus' })
    .locator(':scope > li')
    .nth(0)
    .getByRole('button')
    .first()
    .click();
  await gold.getByRole('listitem').filter({ hasText: aid }).getByRole('button', { name: 'Remove from gold' }).click();
  await expect(goldSum).toHaveText('1 = 1 from agreement + 0 adjudicated');
  const accept = review.getByRole('button', { name: 'Accept 1 agreed into gold' });
  await expect(accept).toBeVisible();
  await accept.click();
  await expect(goldSum).toHaveText('2 = 2 from agreement + 0 adjudicated');
  await expect(accept).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(goldSum).toHaveText('1 = 1 from agreement + 0 adjudicated');
  // The choice is remembered for the corpus.
  await page.reload();
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Review' }).click();
  await expect(review.getByLabel('Gold from agreement')).toHaveValue('ask');
  await expect(goldSum).toHaveText('1 = 1 from agreement + 0 adjudicated');
});

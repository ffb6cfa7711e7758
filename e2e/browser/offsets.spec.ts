import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { FIXTURE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${FIXTURE_PORT}/`;

test('claims after emoji and CRLF line breaks export exact UTF-16 and code-point offsets', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument('Offsets with astral characters');
  const text = readFileSync('e2e/fixtures/corpus/astral-crlf.txt', 'utf8');
  const quotes = ['"NATO is a threat"', 'athematical letters 𝕸 before the integration'];
  await app.tagSelection(quotes[0] as string, '1');
  await app.tagSelection(quotes[1] as string, '2');

  const json = JSON.parse((await app.exportAs('native')).content);
  for (const quote of quotes) {
    const claim = json.annotations.find((a: { target: { exact: string } }) => a.target.exact === quote);
    const start = text.indexOf(quote);
    const codePointStart = Array.from(text.slice(0, start)).length;
    expect(claim.target).toMatchObject({
      start,
      end: start + quote.length,
      codePointStart,
      codePointEnd: codePointStart + Array.from(quote).length,
    });
    expect(Array.from(text).slice(claim.target.codePointStart, claim.target.codePointEnd).join('')).toBe(quote);
  }
});

test('markup in a document is shown as text and never run', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(/Hostile markup must stay text/);
  await expect(app.readerText).toContainText('<script>window.__pwned = true</script>');
  await expect(app.readerText).toContainText('<img src="x" onerror="window.__pwned = true">');
  await expect(app.readerText).toContainText('&amp; entities &lt;stay&gt;');
  await expect(app.readerText.locator('script, img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test('a document changed on disk since it was last shown is shown as it is now', async ({ page }) => {
  // Only this spec file reads this fixture, and its tests run one after another.
  const file = 'e2e/fixtures/corpus/hostile-markup.txt';
  const original = readFileSync(file);
  const added = 'A line written after the document was first shown.';
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(/Hostile markup must stay text/);
  await expect(app.readerText).toContainText('&amp; entities &lt;stay&gt;');
  await app.openDocument('Offsets with astral characters');
  try {
    appendFileSync(file, `\n${added}\n`);
    await app.openDocument(/Hostile markup must stay text/);
    await expect(app.readerText).toContainText(added);
  } finally {
    writeFileSync(file, original);
  }
  // And back as it was: the copy kept from before is not shown again.
  await app.openDocument('Offsets with astral characters');
  await app.openDocument(/Hostile markup must stay text/);
  await expect(app.readerText).not.toContainText(added);
});

test('a claim on a file changed on disk and not reopened is exported on the words it was made on', async ({ page }) => {
  // Only this spec file reads this fixture, and its tests run one after another.
  const file = 'e2e/fixtures/corpus/hostile-markup.txt';
  const original = readFileSync(file);
  const quote = 'An image tag that must never load';
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(/Hostile markup must stay text/);
  await app.tagSelection(quote, '1');
  await app.openDocument('Offsets with astral characters');
  try {
    // Edited elsewhere while the analyst reads another document: every offset after it moves.
    writeFileSync(file, `A new first line, written by the scraper.\n${original.toString('utf8')}`);
    const exported = JSON.parse((await app.exportAs('native', { includeTexts: true })).content) as {
      documents: { id: string; sha256: string; text: string }[];
      annotations: {
        documentId: string;
        documentSha256: string;
        target: { start: number; end: number; exact: string };
      }[];
    };
    const doc = exported.documents.find((d) => d.id === 'hostile-markup.txt');
    const [claim] = exported.annotations.filter((a) => a.documentId === 'hostile-markup.txt');
    expect(doc?.text).toContain('A new first line');
    expect(claim?.target.exact).toBe(quote);
    expect(doc?.text.slice(claim?.target.start, claim?.target.end)).toBe(quote);
    expect(claim?.documentSha256).toBe(doc?.sha256);
  } finally {
    writeFileSync(file, original);
  }
});

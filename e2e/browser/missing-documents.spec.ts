import { copyFileSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from '../pages/browser-host';
import { Workbench } from '../pages/workbench';

/** Its own port, so that the two hosts this test starts share one browser origin (one IndexedDB). */
const PORT = 5394;

test('claims on a renamed file stay in view under Missing documents, are exported, and move onto the renamed file', async ({
  page,
}) => {
  const corpus = mkdtempSync(join(tmpdir(), 'fw-missing-'));
  const backups = mkdtempSync(join(tmpdir(), 'fw-missing-backups-'));
  copyFileSync('e2e/fixtures/corpus/hostile-markup.txt', join(corpus, 'article.txt'));
  copyFileSync('e2e/fixtures/corpus/astral-crlf.txt', join(corpus, 'other.txt'));
  const quote = 'An image tag that must never load';

  let host = await startHost({ corpus, backups, port: PORT });
  const app = new Workbench(page);
  try {
    await app.open(host.url, 'Renamer');
    await app.openDocument(/Hostile markup must stay text/);
    await app.tagSelection(quote, '1');
  } finally {
    await host.stop();
  }

  // The file is renamed while the app is closed; the corpus opens without it.
  renameSync(join(corpus, 'article.txt'), join(corpus, 'renamed-article.txt'));
  host = await startHost({ corpus, backups, port: PORT });
  try {
    await page.reload();
    await expect(app.readerText).toBeVisible();
    const missing = app.documents.locator('details.missing-documents');
    await expect(missing).toContainText('Missing documents · 1');
    await app.documents.getByRole('button', { name: /^article\.txt/ }).click();
    const view = page.getByRole('region', { name: 'Missing document' });
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('Missing: article.txt');
    await expect(view).toContainText(quote);

    // Exported with the rest of the corpus, not left out.
    const exported = JSON.parse((await app.exportAs('native')).content) as {
      annotations: { documentId: string; target: { exact: string } }[];
    };
    expect(exported.annotations.map((a) => [a.documentId, a.target.exact])).toEqual([['article.txt', quote]]);

    // The renamed file has the same text: it is offered first, and the claim keeps its place.
    await expect(view.getByLabel('Move its claims onto')).toHaveValue('renamed-article.txt');
    await view.getByRole('button', { name: 'Move claims' }).click();
    await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(/Hostile markup must stay text/);
    await expect(app.claimItem(quote)).toBeVisible();
    await expect(app.documents.locator('details.missing-documents')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Workbench } from '../pages/workbench';

/** Its own port, so that the two hosts this test starts share one browser origin (one IndexedDB). */
const PORT = 5394;

/** The browser host as `npm run serve` starts it, on a corpus folder of the test's own. */
async function serve(corpus: string, backups: string): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['tsx', 'src/main/browser-host/run.ts', '--port', String(PORT), '--corpus', corpus, '--backups', backups],
    // Its own process group, so that stopping it stops the Node process npx started too.
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('documents from')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}`)));
  });
  return child;
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-(child.pid ?? 0), 'SIGTERM');
  });

test('claims on a renamed file stay in view under Missing documents, are exported, and move onto the renamed file', async ({
  page,
}) => {
  const corpus = mkdtempSync(join(tmpdir(), 'fw-missing-'));
  const backups = mkdtempSync(join(tmpdir(), 'fw-missing-backups-'));
  copyFileSync('e2e/fixtures/corpus/hostile-markup.txt', join(corpus, 'article.txt'));
  copyFileSync('e2e/fixtures/corpus/astral-crlf.txt', join(corpus, 'other.txt'));
  const quote = 'An image tag that must never load';
  const url = `http://127.0.0.1:${PORT}/`;

  let host = await serve(corpus, backups);
  const app = new Workbench(page);
  try {
    await app.open(url, 'Renamer');
    await app.openDocument(/Hostile markup must stay text/);
    await app.tagSelection(quote, '1');
  } finally {
    await stop(host);
  }

  // The file is renamed while the app is closed; the corpus opens without it.
  renameSync(join(corpus, 'article.txt'), join(corpus, 'renamed-article.txt'));
  host = await serve(corpus, backups);
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
    await stop(host);
  }
});

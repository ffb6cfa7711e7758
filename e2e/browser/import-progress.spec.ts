import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from '../pages/browser-host';
import { Workbench } from '../pages/workbench';

const WORDS = ['officials', 'said', 'the', 'border', 'ministry', 'report', 'security', 'talks', 'army', 'trade'];
const ABSENT = ['zorblat', 'quennic', 'vashtor', 'plimble', 'grottan', 'yexil'];

/** A 1 MB article, and a doccano line of another text whose 2,000 claims are nowhere in it. */
function heavyCase(folder: string) {
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (list: string[]) => list[Math.floor(next() * list.length)] ?? '';
  const words = ['Long report on the border.\n\n'];
  for (let length = 0; length < 1_000_000; length += 8) words.push(pick(WORDS));
  writeFileSync(join(folder, 'corpus', 'long.txt'), words.join(' '));
  let text = '';
  const label: [number, number, string][] = [];
  for (let i = 0; i < 2_000; i++) {
    const phrase = Array.from({ length: 4 + (i % 6) }, () => pick(ABSENT)).join(' ');
    label.push([text.length, text.length + phrase.length, 'Threat narrative']);
    text += `${phrase}. `;
  }
  const file = join(folder, 'colleague.jsonl');
  writeFileSync(file, `${JSON.stringify({ id: 'long.txt', text, label })}\n`);
  return file;
}

test('a long import shows its progress while the window keeps answering, and Cancel stores nothing', async ({
  page,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'fw-progress-'));
  const corpus = join(folder, 'corpus');
  mkdirSync(corpus);
  const file = heavyCase(folder);
  const host = await startHost({ corpus, backups: join(folder, 'backups') });
  try {
    const app = new Workbench(page);
    await app.open(host.url);
    await app.openDocument('long.txt');
    await page.getByLabel('Annotation files to import').setInputFiles(file);

    const dialog = page.getByRole('dialog', { name: 'Importing…' });
    await expect(dialog).toContainText('colleague.jsonl');
    const status = dialog.getByRole('status');
    await expect(status).toHaveText(/^Placing claims: [1-9][\d,]* of 2,000$/);
    // The count moves on while the claims are searched: the window is not held.
    const first = await status.textContent();
    await expect(status).not.toHaveText(first ?? '');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const report = page.getByRole('dialog', { name: 'Import report' });
    await expect(report).toContainText('Nothing was imported from this file.');
    await expect(report).toContainText('the import was cancelled: nothing of this file was stored');
    await report.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.claimItems()).toHaveCount(0);
    await expect(app.documents.locator('details.missing-documents')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Import…' })).toBeEnabled();
  } finally {
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

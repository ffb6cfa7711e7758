import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ulid } from 'ulid';
import { FIXTURE_PORT } from '../../playwright.config';
import { startHost } from '../pages/browser-host';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${FIXTURE_PORT}/`;

test('a snapshot is written when the window goes away; restoring it brings deleted claims back and keeps newer ones', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url, 'Backup Tester');
  await app.openDocument('Union State programmes');
  await app.tagSelection('The Union State programmes', '2');
  await app.tagSelection('deepen integration', '2');
  await app.tagSelection('programmes will', '3');

  // What the browser sends when the tab is closed or the app quits; the snapshot goes to the host.
  const written = page.waitForResponse((response) => response.url().endsWith('/api/writeBackup'));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect((await written).ok()).toBe(true);
  await app.claimItem('deepen integration').getByRole('button').click();
  await page.keyboard.press('Delete');
  await expect(app.claimItems()).toHaveCount(2);
  // Made after the snapshot: a restore must not take it away.
  await app.tagSelection('will', '4');

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  // Other tests share this host's backup folder; ours is the one with three claims.
  const ours = dialog.getByRole('listitem').filter({ hasText: '3 claims' }).first();
  await expect(ours).toBeVisible();
  const before = await dialog.getByRole('listitem').count();
  let asked = '';
  page.once('dialog', (confirm) => {
    asked = confirm.message();
    confirm.accept();
  });
  await ours.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByRole('status')).toContainText('1 claim back');
  expect(asked).toContain('1 claim comes back');
  expect(asked).toContain('1 claim made since stay');
  // The work as it was before the restore became a backup of its own.
  await expect(dialog.getByRole('listitem')).toHaveCount(Math.min(before + 1, 20));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.claimItems()).toHaveCount(4);
  await expect(app.claimItem('deepen integration')).toContainText('Integration');
  await expect(app.claimItem('will')).toBeVisible();
});

interface Exported {
  documents: { id: string; sha256: string; text: string }[];
  annotations: Record<string, unknown>[];
}

test('a corpus with thousands of claims is backed up, with no claim left out', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url, 'Many Claims');
  await app.openDocument('Lavrov on NATO expansion');
  await app.tagSelection('NATO expansion', '1');
  const exported = JSON.parse((await app.exportAs('native', { includeTexts: true })).content) as Exported;
  const doc = exported.documents.find((d) => d.id.endsWith('#tass-1'));
  const [template] = exported.annotations;
  if (!doc || !template) throw new Error('the export holds the document and its claim');
  // 4,000 claims, each span of the text once per annotator: a snapshot of about 2 MB, twice what the host once took.
  const spans = [...Array(doc.text.length).keys()].flatMap((start) =>
    [...Array(doc.text.length - start).keys()].map((length) => [start, start + length + 1] as const),
  );
  const claims = [...Array(4_000).keys()].map((i) => {
    const [start, end] = spans[i % spans.length] ?? [0, 1];
    return {
      ...template,
      id: ulid(),
      target: {
        start,
        end,
        codePointStart: start,
        codePointEnd: end,
        exact: doc.text.slice(start, end),
        prefix: doc.text.slice(Math.max(0, start - 32), start),
        suffix: doc.text.slice(end, end + 32),
      },
      annotator: `Bulk ${Math.floor(i / spans.length)}`,
    };
  });
  const file = join(mkdtempSync(join(tmpdir(), 'fw-backup-')), 'bulk.json');
  writeFileSync(file, JSON.stringify({ ...exported, annotations: claims }));
  await page.getByLabel('Annotation files to import').setInputFiles([file]);
  const report = page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('4,000 claims imported');
  await report.getByRole('button', { name: 'Close' }).click();

  const written = page.waitForResponse((response) => response.url().endsWith('/api/writeBackup'));
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect((await written).status()).toBe(200);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByRole('listitem').filter({ hasText: '4,001 claims' }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a backup that cannot be written is shown in the top bar and the Backups screen, with the reason', async ({
  page,
}) => {
  // A file where the backup folder should be: the host cannot make the folder, as on a full or read-only disk.
  const blocked = join(mkdtempSync(join(tmpdir(), 'fw-backup-')), 'not-a-folder');
  writeFileSync(blocked, '');
  const host = await startHost({ corpus: 'e2e/fixtures/corpus', backups: blocked });
  try {
    const app = new Workbench(page);
    await app.open(host.url, 'Disk Full');
    await app.openDocument('Lavrov on NATO expansion');
    await app.tagSelection('NATO expansion', '1');
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    const banner = page.getByRole('banner').getByRole('alert');
    await expect(banner).toContainText('Backup failed');
    await expect(banner).toContainText('not-a-folder');
    // The claim itself is saved in the browser's database.
    await expect(app.saveStatus.first()).toHaveText('All changes saved');
    await page.getByRole('button', { name: 'Backups…' }).click();
    await expect(page.getByRole('dialog', { name: 'Backups' }).getByRole('alert').first()).toContainText(
      'could not be written',
    );
  } finally {
    await host.stop();
  }
});

import { expect, test } from '@playwright/test';
import { FIXTURE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${FIXTURE_PORT}/`;

test('a snapshot is written when the window goes away, and restoring it brings deleted claims back', async ({
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

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  // Other tests share this host's backup folder; ours is the one with three claims.
  const ours = dialog.getByRole('listitem').filter({ hasText: '3 claims' }).first();
  await expect(ours).toBeVisible();
  page.once('dialog', (confirm) => confirm.accept());
  await ours.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored 3 claims');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.claimItems()).toHaveCount(3);
  await expect(app.claimItem('deepen integration')).toContainText('Integration');
});

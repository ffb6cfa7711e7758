import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test.skip(
  !binary,
  'No Electron binary is installed (its download was skipped or blocked on this machine); the browser project runs the same renderer through the browser host.',
);

test('the Electron app opens the sample corpus in a locked-down window', async () => {
  const app = await electron.launch({ executablePath: binary, args: ['.'] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);

    // No Node in the page; the bridge offers the contract's calls and nothing else.
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { framingHost: object }).framingHost).sort(),
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['getAppInfo', 'getDocument', 'listDocuments', 'saveExport'],
    });
    const opened = await page.evaluate(() => window.open('https://example.org') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.org';
    });
    await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible();
  } finally {
    await app.close();
  }
});

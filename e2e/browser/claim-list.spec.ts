import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from '../pages/browser-host';
import { Workbench } from '../pages/workbench';

const COUNT = 30;
const quote = (n: number) => `claim number ${n} was made`;

test('the claim list scrolls to the claim picked in the reader, at either end of a long list', async ({ page }) => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(join(tmpdir(), 'fw-claim-list-'));
  const corpus = join(folder, 'corpus');
  mkdirSync(corpus);
  const sentences = Array.from({ length: COUNT }, (_, i) => `Officials said ${quote(i + 1)}.`);
  writeFileSync(join(corpus, 'many.txt'), `Many claims\n\n${sentences.join('\n\n')}\n`);
  const host = await startHost({ corpus, backups: join(folder, 'backups') });
  try {
    const app = new Workbench(page);
    await app.open(host.url);
    await app.openDocument('many.txt');
    for (let n = 1; n <= COUNT; n++) await app.tagSelection(quote(n), '1');
    await expect(app.claimList.getByRole('heading')).toContainText(String(COUNT));

    const marks = app.readerText.locator('mark[data-claim-ids]');
    for (const n of [1, COUNT, 1]) {
      await marks
        .filter({ hasText: quote(n) })
        .first()
        .click();
      // Within the list's own scrolled area (the side panel around it scrolls on its own).
      await expect
        .poll(() =>
          app.claimItem(quote(n)).evaluate((row) => {
            const list = row.closest('.claim-list-scroll')?.getBoundingClientRect();
            const own = row.getBoundingClientRect();
            return list !== undefined && own.top >= list.top - 1 && own.bottom <= list.bottom + 1;
          }),
        )
        .toBe(true);
    }
  } finally {
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

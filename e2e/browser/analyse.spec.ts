import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoigu = 'Russia once again speaks about NATO threat for Russia and Belarus';
const pushing = 'NATO and the EU are pushing Russia and Belarus towards integration';

test('Analyse counts tags by source and month, and a cell opens onto the claims behind it', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  // The Shoigu article has no source and no date; PolitNavigator's is of September 2021.
  await app.openDocument(shoigu);
  await app.tagSelection('NATO’s military activity near our borders', '1');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '5');
  await app.openDocument(pushing);
  await app.tagSelection('towards integration', '2');
  await app.tagSelection('imposes sanctions', '3');

  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Analyse' }).click();
  const view = page.getByRole('region', { name: 'Analyse' });
  await expect(view.getByRole('status')).toContainText('5 claims in 2 documents');
  const table = view.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Tag',
    'GDCof 1 document',
    'PolitNavigatorof 1 document',
    'Sputnik Internationalof 1 document',
    'РБКof 1 document',
    '(none)of 1 document',
    'Total',
  ]);
  const row = (tag: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tag }) });
  await expect(row('Military cooperation').getByRole('cell')).toHaveText(['0', '0', '0', '0', '2', '2']);
  await expect(row('Integration').getByRole('cell')).toHaveText(['0', '1', '0', '0', '0', '1']);

  // Sorted by a column: the tags with most claims there come first.
  await table.getByRole('button', { name: 'PolitNavigator', exact: true }).click();
  await expect(table.getByRole('rowheader').first()).toHaveText('Integration');

  // A cell lists its claims in context; one opens in Annotate, selected.
  await view.getByRole('button', { name: 'Military cooperation in (none): 2 — list them' }).click();
  const behind = view.getByRole('region', { name: 'Military cooperation in (none)' });
  await expect(behind.getByRole('listitem')).toHaveCount(2);
  await expect(behind.getByRole('listitem').first()).toContainText('Sergei Shoigu arrived in Minsk');
  await expect(behind.getByRole('listitem').first()).toContainText(shoigu);
  await behind.getByRole('listitem').first().getByRole('button').click();
  await expect(app.reader.getByRole('heading', { level: 1 })).toHaveText(shoigu);
  await expect(app.claimPanel).toContainText('Sergei Shoigu arrived in Minsk');

  // By month, as shares of each month's documents; the CSV holds every cell.
  await page.getByRole('navigation', { name: 'Mode' }).getByRole('button', { name: 'Analyse' }).click();
  await view.getByLabel('Columns').selectOption({ label: 'month' });
  await view.getByLabel('Cells show').selectOption({ label: 'share of the column’s documents' });
  await expect(row('Integration').getByRole('cell')).toHaveText(['100 %', '0 %', '0 %', '1']);
  await expect(row('Threat narrative').getByRole('cell')).toHaveText(['0 %', '0 %', '33 %', '1']);
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFrow,column,claims,documents,share');
  expect(csv).toContain('integration,2021-09,1,1,1\r\n');
  expect(csv).toContain('threat-narrative,,1,1,0.3333333333333333\r\n');
  expect(csv.trim().split('\r\n')).toHaveLength(1 + 6 * 3);

  // Tags by tags: which travel together in a document, tinted by Jaccard; the CSV has each pair.
  await view.getByLabel('Columns').selectOption({ label: 'other tags (together)' });
  await view.getByLabel('Together in').selectOption({ label: 'the same document' });
  await expect(row('Threat narrative').getByRole('cell')).toHaveText(['1', '0', '0', '0', '1', '0']);
  await expect(row('Integration').getByRole('cell')).toHaveText(['0', '1', '1', '0', '0', '0']);
  await expect(row('Threat narrative').getByRole('cell').nth(4)).toHaveAttribute(
    'title',
    'Jaccard: 1.00 (together over either)',
  );
  const pairs = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const pairsCsv = readFileSync(await (await pairs).path(), 'utf8');
  expect(pairsCsv.split('\r\n')[0]).toBe('\uFEFFrow,column,count,jaccard');
  expect(pairsCsv).toContain('integration,sanctions-pressure,1,1\r\n');

  // Only documents marked Done: none are, so no claims, said in words.
  await view.getByRole('checkbox', { name: 'Only documents marked Done' }).check();
  await expect(view).toContainText('No claims with these choices.');
});

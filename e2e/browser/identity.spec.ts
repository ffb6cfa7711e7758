import { expect, test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;

test('the analyst changes their name from the header; only claims made afterwards carry the new one', async ({
  page,
}) => {
  const app = new Workbench(page);
  await app.open(url, 'Ada Analyst');
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('Sergei Shoigu arrived in Minsk', '1');

  await page.getByRole('button', { name: 'Annotator: Ada Analyst (change)' }).click();
  const dialog = page.getByRole('form', { name: 'Your name' });
  await expect(dialog.getByLabel('Your name')).toHaveValue('Ada Analyst');
  await dialog.getByLabel('Your name').fill('Ada Karimova');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Annotator: Ada Karimova (change)' })).toBeVisible();

  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await app.claimItem('Russia is preparing an answer to NATO').getByRole('button').click();
  await expect(app.claimPanel).toContainText('Ada Karimova');
  await app.claimItem('Sergei Shoigu arrived in Minsk').getByRole('button').click();
  await expect(app.claimPanel).toContainText('Ada Analyst');

  // Cancel leaves the name as it is.
  await page.getByRole('button', { name: 'Annotator: Ada Karimova (change)' }).click();
  await page.getByRole('form', { name: 'Your name' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Annotator: Ada Karimova (change)' })).toBeVisible();
});

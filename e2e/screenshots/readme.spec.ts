import { test } from '@playwright/test';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

test('reader with claims', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(`http://127.0.0.1:${SAMPLE_PORT}/`);
  await app.openDocument('Russia once again speaks about NATO threat for Russia and Belarus');
  await app.tagSelection('NATO’s military activity near our borders has reached unheard of levels', '1');
  await app.tagSelection('strengthening its advanced military presence on the eastern flank', '1');
  await app.tagSelection('Russia is preparing an answer to NATO', '5');
  await app.tagSelection('political overtures to an ally in order to demonstrate loyalty', '6');
  await app.tagSelection('military activity near our borders', '5');
  await app.claimItem('political overtures to an ally in order to demonstrate loyalty').getByRole('button').click();
  await app.readerText.getByText('NATO’s military activity').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/reader.png' });
});

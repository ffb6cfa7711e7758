import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const title = 'Russia once again speaks about NATO threat for Russia and Belarus';
const file = '002_e6cb186dbdad8141.txt';
const quote = 'Russia is preparing an answer to NATO';

test('claims export to W3C Web Annotation, CSV and a brat zip, each with the right offsets', async ({ page }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(title);
  await app.tagSelection(quote, '5');
  const text = readFileSync(`resources/corpus/${file}`, 'utf8');
  const start = text.indexOf(quote);

  const w3c = await app.exportAs('w3c', { scope: 'Claims in the documents chosen below' });
  expect(w3c.name).toMatch(/\.jsonld$/);
  const collection = JSON.parse(w3c.content);
  expect(collection.type).toBe('AnnotationCollection');
  const [annotation] = collection.first.items;
  expect(annotation.body).toContainEqual(
    expect.objectContaining({ purpose: 'tagging', value: 'military-cooperation' }),
  );
  const position = annotation.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
  expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + quote.length });

  const csv = await app.exportAs('csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.content.startsWith('\uFEFFdocument_id,')).toBe(true);
  expect(csv.content).toContain(`${file},${title},`);
  expect(csv.content).toContain(quote);

  const brat = await app.exportAs('brat', { scope: /Only the claims of one annotator/ });
  expect(brat.name).toMatch(/\.zip$/);
  const entries = unzipSync(new Uint8Array(brat.bytes));
  const names = Object.keys(entries);
  const ann = names.find((n) => n.endsWith('002_e6cb186dbdad8141.ann'));
  expect(ann).toBeDefined();
  expect(names.some((n) => n.endsWith('annotation.conf'))).toBe(true);
  const annText = new TextDecoder().decode(entries[ann as string]);
  expect(annText).toContain(`T1\tmilitary-cooperation ${start} ${start + quote.length}\t${quote}`);
});

test('the app imports its own brat zip', async ({ page, browser }) => {
  const app = new Workbench(page);
  await app.open(url);
  await app.openDocument(title);
  await app.tagSelection(quote, '5');
  const brat = await app.exportAs('brat');
  const path = join(mkdtempSync(join(tmpdir(), 'fw-brat-')), brat.name);
  writeFileSync(path, brat.bytes);

  // Another analyst's window (another browser profile) imports the zip as it was downloaded.
  const context = await browser.newContext();
  const other = new Workbench(await context.newPage());
  await other.open(url, 'Boris Colleague');
  await other.openDocument(title);
  await other.page.getByLabel('Annotation files to import').setInputFiles(path);
  const report = other.page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('1 claim imported');
  await report.getByRole('button', { name: 'Close' }).click();
  await other.showClaimsOf('Ada Analyst');
  await expect(other.claimItem(quote)).toContainText('Military cooperation');
  await context.close();
});

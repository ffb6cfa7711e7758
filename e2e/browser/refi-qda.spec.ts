import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SAMPLE_PORT } from '../../playwright.config';
import { Workbench } from '../pages/workbench';

const url = `http://127.0.0.1:${SAMPLE_PORT}/`;
const shoiguTitle = 'Russia once again speaks about NATO threat for Russia and Belarus';
const claimA = 'NATO’s military activity near our borders';
const claimB = 'Russia is preparing an answer to NATO';

/** xmllint's errors for `xml` against the vendored REFI-QDA schema, '' when it validates. */
function schemaErrors(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fw-refi-')), 'project.qde');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', 'third_party/refi-qda/Project.xsd', file], {
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

test('a project travels to another QDA tool and back: valid .qdpx out, claims, codes and misplaced selections in', async ({
  page,
  browser,
}) => {
  // Ada codes two claims, one with a note, and frames the article; she exports a REFI-QDA project.
  const ada = new Workbench(page);
  await ada.open(url, 'Ada Analyst');
  await ada.openDocument(shoiguTitle);
  await ada.tagSelection(claimA, '1');
  await ada.tagSelection(claimB, '5');
  await ada.frame('Threat narrative');
  const exported = await ada.exportAs('qdpx');
  expect(exported.name).toMatch(/-qdpx-\d{8}-\d{6}\.qdpx$/);
  const entries = unzipSync(new Uint8Array(exported.bytes));
  const names = Object.keys(entries);
  expect(names).toContain('project.qde');
  expect(names.filter((n) => n.startsWith('sources/'))).not.toHaveLength(0);
  const qde = strFromU8(entries['project.qde'] as Uint8Array);
  test.skip(
    !process.env.CI && schemaErrors('<x/>').includes('ENOENT'),
    'xmllint is not installed here (CI installs it)',
  );
  expect(schemaErrors(qde)).toBe('');

  // As MAXQDA would send it back: a colleague coded with a code of their own (a new GUID) where
  // the threat narrative was, and moved one selection off its words.
  const threat = /<Code guid="([^"]+)" name="Threat narrative"/.exec(qde)?.[1] ?? '';
  const edited = qde
    .replaceAll(threat, 'BBBBBBBB-0000-0000-0000-000000000001')
    .replaceAll('name="Threat narrative"', 'name="Bedrohung"')
    .replace(
      /(name="Russia is preparing an answer to NATO" startPosition=")(\d+)(" endPosition=")(\d+)/,
      (_, a, s, b, e) => [a, Number(s) + 40, b, Number(e) + 40].join(''),
    );
  entries['project.qde'] = strToU8(edited);
  const path = join(mkdtempSync(join(tmpdir(), 'fw-refi-')), 'from-maxqda.qdpx');
  writeFileSync(path, zipSync(entries));

  const context = await browser.newContext();
  const boris = new Workbench(await context.newPage());
  await boris.open(url, 'Boris Colleague');
  await boris.openDocument(shoiguTitle);
  await boris.page.getByLabel('Annotation files to import').setInputFiles(path);
  const report = boris.page.getByRole('dialog', { name: 'Import report' });
  await expect(report.getByRole('heading', { level: 3 })).toContainText('from-maxqda.qdpx');
  await expect(report).toContainText('1 claim imported');
  await expect(report).toContainText('1 claim could not be placed');
  await expect(report).toContainText('Its codes are the codebook “Narratives (Framing Workbench)”, now a layer');
  await expect(report).toContainText('positions read as Unicode code points, as the standard counts');
  await report.getByRole('button', { name: 'Close' }).click();

  await boris.showClaimsOf('Ada Analyst');
  await expect(boris.claimItem(claimA)).toContainText('Bedrohung');
  const orphans = boris.page.getByRole('region', { name: 'Claims not placed' });
  await expect(orphans).toContainText(claimB);
  await expect(orphans).toContainText('is not the text at');
  await context.close();
});

test('a project whose texts the corpus lacks offers them as a corpus folder, claims kept under Missing documents', async ({
  page,
}) => {
  const text = 'Лукашенко заявил, что Союзное государство защитит себя от давления Запада.\r\nЭто угроза.';
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Pressure study" origin="MAXQDA 2024">
  <Users><User guid="AAAAAAAA-0000-0000-0000-000000000001" name="Olga"/></Users>
  <CodeBook><Codes><Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Threat narrative" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="DDDDDDDD-0000-0000-0000-000000000001" name="belta-2021-09-10" plainTextPath="internal://DDDDDDDD-0000-0000-0000-000000000001.txt">
      <PlainTextSelection guid="00000000-0000-0000-0000-000000000001" name="защитит себя от давления Запада" startPosition="42" endPosition="73" creatingUser="AAAAAAAA-0000-0000-0000-000000000001">
        <Coding guid="00000000-0000-0000-0001-000000000001"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
  const path = join(mkdtempSync(join(tmpdir(), 'fw-refi-')), 'pressure.qdpx');
  writeFileSync(
    path,
    zipSync({ 'project.qde': strToU8(qde), 'sources/DDDDDDDD-0000-0000-0000-000000000001.txt': strToU8(text) }),
  );
  const app = new Workbench(page);
  await app.open(url, 'Ada Analyst');
  await app.page.getByLabel('Annotation files to import').setInputFiles(path);
  const report = app.page.getByRole('dialog', { name: 'Import report' });
  await expect(report).toContainText('1 claim could not be placed (1 for documents not in this corpus');
  await expect(report).toContainText('1 document of this file is not in the corpus');
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Save the texts as a corpus folder (.zip)…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('pressure-texts.zip');
  const files = unzipSync(new Uint8Array(readFileSync(await saved.path())));
  expect(Object.keys(files)).toEqual(['pressure/belta-2021-09-10.txt']);
  expect(strFromU8(files['pressure/belta-2021-09-10.txt'] as Uint8Array)).toBe(text);
});

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../shared/codebooks/narratives';
import { labelledJson, toLabelledJson } from '../shared/formats/labelled-json';
import { type Annotation, newClaim, textTarget } from '../shared/model/annotation';
import { OffsetIndex } from '../shared/text/offsets';
import { main } from './index';
import { printedByCommands } from './testing';

let dir: string;
const { out, err } = printedByCommands();
const CORPUS = 'resources/corpus';
const SHOIGU = '002_e6cb186dbdad8141.txt';
const NAVIGATOR = '000_64c780e358e12605.txt';

/** A claim of `tag` on `quote` in a sample document, by `annotator`. */
async function claim(document: string, quote: string, tag: string, annotator: string, n: number): Promise<Annotation> {
  const text = await readFile(join(CORPUS, document), 'utf8');
  const start = text.indexOf(quote);
  return newClaim({
    id: `01JDR${String(n).padStart(21, '0')}`,
    documentId: document,
    documentSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    target: textTarget(new OffsetIndex(text), start, start + quote.length),
    tagId: tag,
    annotator,
    codebookId: narrativesCodebook.id,
    codebookVersion: narrativesCodebook.version,
    now: '2026-12-06T10:00:00.000Z',
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-report-'));
  // Ada: two threat claims in the Shoigu article (no source, undated), one integration claim in
  // PolitNavigator's; Boris: one threat claim in PolitNavigator's.
  const annotations = [
    await claim(SHOIGU, 'Sergei Shoigu arrived in Minsk', 'threat-narrative', 'Ada', 1),
    await claim(SHOIGU, 'Russia is preparing an answer to NATO', 'threat-narrative', 'Ada', 2),
    await claim(NAVIGATOR, 'towards integration', 'integration', 'Ada', 3),
    await claim(NAVIGATOR, 'NATO and the EU', 'threat-narrative', 'Boris', 4),
  ];
  const file = toLabelledJson({
    exportedAt: '2026-12-06T10:00:00.000Z',
    app: { name: 'Framing Workbench', version: 'test' },
    annotator: 'Ada, Boris',
    codebook: narrativesCodebook,
    documents: [],
    annotations,
  });
  await writeFile(join(dir, 'claims.json'), labelledJson.serialize(file));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('framing-workbench report', () => {
  it('prints tags by source as JSON, every corpus document counted in its column', async () => {
    const code = await main(['report', join(dir, 'claims.json'), '--corpus', CORPUS, '--cols', 'source', '--json']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    expect(printed.columns).toEqual(['GDC', 'PolitNavigator', 'Sputnik International', 'РБК', '']);
    expect(printed.rows.slice(0, 2)).toEqual(['threat-narrative', 'integration']);
    const cell = (row: string, column: string) =>
      printed.cells.find((c: { row: string; column: string }) => c.row === row && c.column === column);
    expect(cell('threat-narrative', '')).toEqual({
      row: 'threat-narrative',
      column: '',
      claims: 2,
      documents: 1,
      share: 1,
    });
    expect(cell('threat-narrative', 'PolitNavigator')).toMatchObject({ claims: 1, documents: 1, share: 1 });
    expect(cell('integration', 'РБК')).toMatchObject({ claims: 0, documents: 0, share: 0 });
  });

  it('keeps one annotator, counts by annotator, and prints a table or CSV', async () => {
    expect(
      await main(['report', join(dir, 'claims.json'), '--corpus', CORPUS, '--cols', 'annotator', '--annotator', 'Ada']),
    ).toBe(0);
    expect(out.join('\n')).toContain('Threat narrative');
    expect(out.at(-1)).toBe('3 claims in 2 documents');
    out.length = 0;
    expect(await main(['report', join(dir, 'claims.json'), '--corpus', CORPUS, '--cols', 'annotator', '--csv'])).toBe(
      0,
    );
    const csv = out.join('\n');
    expect(csv).toContain('row,column,claims,documents,share\r\n');
    expect(csv).toContain('threat-narrative,Ada,2,1,0.5\r\n');
    expect(csv).toContain('threat-narrative,Boris,1,1,1');
  });

  it('prints tags by tags, counted by document or by sentence, with Jaccard', async () => {
    const args = ['report', join(dir, 'claims.json'), '--corpus', CORPUS, '--json', '--cooccurrence'];
    expect(await main([...args, 'document'])).toBe(0);
    const byDocument = JSON.parse(out.join('\n'));
    const pair = (table: { cells: { row: string; column: string }[] }, row: string, column: string) =>
      table.cells.find((c) => c.row === row && c.column === column);
    // PolitNavigator's article holds both tags; the Shoigu article threat narratives only.
    expect(byDocument.units.slice(0, 2)).toEqual([2, 1]);
    expect(pair(byDocument, 'threat-narrative', 'integration')).toEqual({
      row: 'threat-narrative',
      column: 'integration',
      count: 1,
      jaccard: 0.5,
    });
    out.length = 0;
    // By sentence: PolitNavigator's title is one sentence with both; the Shoigu article's two
    // threat narratives lie in two sentences of their own.
    expect(await main([...args, 'sentence'])).toBe(0);
    const bySentence = JSON.parse(out.join('\n'));
    expect(pair(bySentence, 'threat-narrative', 'integration')).toMatchObject({ count: 1 });
    expect(bySentence.units.slice(0, 2)).toEqual([3, 1]);
  });

  it('refuses a wrong choice before reading anything', async () => {
    expect(await main(['report', join(dir, 'claims.json'), '--cols', 'weather'])).toBe(2);
    expect(await main(['report', join(dir, 'claims.json'), '--cols', 'source', '--rows', 'annotator'])).toBe(2);
    expect(await main(['report', join(dir, 'missing.json'), '--cols', 'source'])).toBe(1);
    expect(await main(['report', join(dir, 'claims.json'), '--cooccurrence', 'paragraph'])).toBe(2);
  });
});

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../main/services/corpus';
import { ONE_DOCUMENT } from '../shared/agreement/multi-label';
import { narrativesCodebook } from '../shared/codebooks/narratives';
import { labelledJson, toLabelledJson } from '../shared/formats/labelled-json';
import { formats } from '../shared/formats/registry';
import { newClaim, textTarget } from '../shared/model/annotation';
import { OffsetIndex } from '../shared/text/offsets';
import { main } from './index';
import { printedByCommands } from './testing';

const corpusDir = 'resources/corpus';
let dir: string;
const { out, err } = printedByCommands();

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A native export of two claims on a sample article, as the app writes it. */
async function nativeFile(): Promise<string> {
  const corpus = await openCorpus(corpusDir);
  const doc = await corpus.document('002_e6cb186dbdad8141.txt');
  const index = new OffsetIndex(doc.text);
  const claim = (id: string, quote: string, tag: string) => {
    const start = doc.text.indexOf(quote);
    return {
      ...newClaim({
        id,
        documentId: doc.id,
        documentSha256: doc.sha256,
        target: textTarget(index, start, start + quote.length),
        tagId: tag,
        annotator: 'Ada',
        codebookId: 'narratives',
        codebookVersion: 1,
        now: '2026-11-22T10:00:00.000Z',
      }),
      attributes: { speaker: 'Shoigu' },
    };
  };
  const content = labelledJson.serialize(
    toLabelledJson({
      exportedAt: '2026-11-22T12:00:00.000Z',
      app: { name: 'Framing Workbench', version: '0.1.0' },
      annotator: 'Ada',
      codebook: narrativesCodebook,
      documents: corpus.listing().documents,
      annotations: [
        claim('01JDA0000000000000000000A1', 'NATO’s military activity near our borders', 'threat-narrative'),
        claim('01JDA0000000000000000000A2', 'Russia is preparing an answer to NATO', 'military-cooperation'),
      ],
    }),
  );
  const path = join(dir, 'claims.json');
  await writeFile(path, content);
  return path;
}

describe('framing-workbench validate', () => {
  it('accepts a valid file and exits 0', async () => {
    expect(await main(['validate', await nativeFile()])).toBe(0);
    expect(out.join('\n')).toMatch(/✓ claims\.json \(Labelled JSON \(Framing Workbench\)\): 2 claims, 5 documents/);
  });

  it('lists every error with its location and exits 1', async () => {
    const path = await nativeFile();
    const broken = JSON.parse(await readFile(path, 'utf8'));
    broken.annotations[1].target.start = -3;
    broken.annotations[0].tags = [];
    await writeFile(path, JSON.stringify(broken));
    expect(await main(['validate', path])).toBe(1);
    const errors = err.join('\n');
    expect(errors).toContain('$.annotations[1].target.start');
    expect(errors).toContain('$.annotations[0].tags');
  });

  it('reads a brat .txt that starts with a byte order mark, its offsets counted as brat counts them', async () => {
    const brat = join(dir, 'brat');
    await mkdir(brat);
    await writeFile(join(brat, 'a.txt'), Buffer.from('\uFEFFHello 😀 world\n', 'utf8'));
    await writeFile(join(brat, 'a.ann'), 'T1\tthreat-narrative 1 6\tHello\nT2\tintegration 9 14\tworld\n');
    // A labelled JSON file saved with a mark is read too.
    const native = await nativeFile();
    await writeFile(native, `\uFEFF${await readFile(native, 'utf8')}`);
    expect(await main(['validate', brat, native])).toBe(0);
    expect(err).toEqual([]);
    const back = join(dir, 'back.json');
    expect(await main(['convert', '--to', 'native', brat, '-o', back])).toBe(0);
    const converted = JSON.parse(await readFile(back, 'utf8'));
    expect(converted.documents.map((d: { text: string }) => d.text)).toEqual(['Hello 😀 world\n']);
    expect(converted.annotations.map((a: { target: { exact: string } }) => a.target.exact)).toEqual(['Hello', 'world']);
  });

  it('writes a codebook that describes every tag its claims use, and refuses a file whose codebook does not', async () => {
    const brat = join(dir, 'brat');
    await mkdir(brat);
    await writeFile(join(brat, 'a.txt'), 'Hello world\n');
    await writeFile(join(brat, 'a.ann'), 'T1\tBedrohung 0 5\tHello\nT2\tintegration 6 11\tworld\n');
    const back = join(dir, 'back.json');
    expect(await main(['convert', '--to', 'native', brat, '-o', back])).toBe(0);
    const converted = JSON.parse(await readFile(back, 'utf8'));
    expect(converted.codebook.tags.find((t: { id: string }) => t.id === 'Bedrohung')).toMatchObject({
      label: 'Bedrohung',
      group: 'other-tags',
    });
    expect(await main(['validate', back])).toBe(0);
    converted.codebook.tags = converted.codebook.tags.filter((t: { id: string }) => t.id !== 'Bedrohung');
    await writeFile(back, JSON.stringify(converted));
    expect(await main(['validate', back])).toBe(1);
    expect(err.join('\n')).toContain(
      '$.annotations[0].tags[0]: the tag "Bedrohung" is not in the file\'s codebook "narratives" (version 1)',
    );
  });

  it('reads PTC articles with the default map, or with the analyst’s own', async () => {
    const ptc = join(dir, 'ptc');
    await mkdir(ptc);
    for (const folder of ['articles', 'gold']) {
      const from = join('src/shared/formats/fixtures/ptc', folder);
      for (const name of await readdir(from)) await writeFile(join(ptc, name), await readFile(join(from, name)));
    }
    const back = join(dir, 'ptc.json');
    expect(await main(['convert', '--to', 'native', ptc, '-o', back])).toBe(0);
    const tags = (path: string) =>
      readFile(path, 'utf8').then((text) => JSON.parse(text).annotations.flatMap((a: { tags: string[] }) => a.tags));
    expect(await tags(back)).toContain('loaded-language');
    const map = join(dir, 'map.json');
    await writeFile(map, JSON.stringify({ toTag: { Loaded_Language: 'threat-narrative' }, toName: {} }));
    expect(await main(['convert', '--to', 'native', '--tag-map', map, ptc, '-o', back])).toBe(0);
    expect(new Set(await tags(back))).toEqual(new Set(['threat-narrative']));
    await writeFile(map, JSON.stringify({ toTag: { 'Loaded\tLanguage': 'x' }, toName: {} }));
    expect(await main(['convert', '--to', 'native', '--tag-map', map, ptc, '-o', back])).toBe(1);
    expect(err.join('\n')).toMatch(/cannot be used:\n.*toTag\.Loaded\tLanguage/);
  });

  it('refuses a file in no known format', async () => {
    const path = join(dir, 'notes.json');
    await writeFile(path, '{"hello": "world"}');
    expect(await main(['validate', path])).toBe(1);
    expect(err.join('\n')).toContain('not a format framing-workbench reads');
  });

  it('explains its usage on a wrong command and exits 2', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(err.join('\n')).toContain('unknown command "frobnicate"');
  });
});

describe('framing-workbench convert', () => {
  // The shared tasks' formats carry their techniques only; their own tests round-trip those.
  for (const format of formats.filter(
    (f) => f.parse && !f.leavesOut.includes('claims') && !f.leavesOut.includes('other-tags'),
  )) {
    it(`round-trips claims through ${format.name}`, async () => {
      const input = await nativeFile();
      const foreign = join(dir, `as-${format.id}${format.reads[0] ?? ''}`);
      expect(await main(['convert', '--to', format.id, '--corpus', corpusDir, input, '-o', foreign])).toBe(0);
      const back = join(dir, 'back.json');
      expect(await main(['convert', '--to', 'native', '--corpus', corpusDir, foreign, '-o', back])).toBe(0);
      const parsed = labelledJson.parse(await readFile(back, 'utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.annotations.map((a) => [a.target.exact, a.tags])).toEqual([
        ['NATO’s military activity near our borders', ['threat-narrative']],
        ['Russia is preparing an answer to NATO', ['military-cooperation']],
      ]);
    });
  }

  it('says how many claims it leaves out as duplicates or id clashes, and where each is', async () => {
    const input = await nativeFile();
    const file = JSON.parse(await readFile(input, 'utf8'));
    const [first, second] = file.annotations;
    // The first claim given again as it is, and another claim under the second one's id.
    file.annotations.push(first, { ...first, id: second.id });
    await writeFile(input, JSON.stringify(file));
    const doccano = join(dir, 'spans.jsonl');
    await writeFile(
      doccano,
      `${JSON.stringify({
        id: 7,
        text: 'Minsk said so.',
        label: [
          [0, 5, 'x'],
          [0, 5, 'x'],
        ],
      })}\n`,
    );
    expect(await main(['convert', '--to', 'native', '--corpus', corpusDir, input, '-o', join(dir, 'a.json')])).toBe(0);
    expect(await main(['convert', '--to', 'native', doccano, '-o', join(dir, 'b.json')])).toBe(0);
    expect(out.map((line) => line.split(' from ')[0])).toEqual(['✓ 2 claims', '✓ 1 claims']);
    expect(err).toEqual([
      '2 of 4 claims not written: 1 duplicates written once, 1 with an id another claim holds',
      '  claims.json $.annotations[2]: the same claim as claims.json $.annotations[0]; written once',
      '  “NATO’s military activity near our borders” in 002_e6cb186dbdad8141.txt (claims.json $.annotations[3]): the id 01JDA0000000000000000000A2 is already used by another claim of this file (claims.json $.annotations[1]); this one was not imported',
      '1 of 2 claims not written: 1 duplicates written once',
      '  spans.jsonl:1 $.label[1]: the same claim as spans.jsonl:1 $.label[0]; written once',
    ]);
  });

  it('places a doccano line on the corpus document with its text, not under doccano’s id', async () => {
    const corpus = await openCorpus(corpusDir);
    const doc = await corpus.document('002_e6cb186dbdad8141.txt');
    const quote = 'Russia is preparing an answer to NATO';
    const start = doc.text.indexOf(quote);
    const doccano = join(dir, 'admin.jsonl');
    await writeFile(
      doccano,
      `${JSON.stringify({ id: 12, text: doc.text, label: [[start, start + quote.length, 'Threat']] })}\n`,
    );
    const back = join(dir, 'back.json');
    expect(await main(['convert', '--to', 'native', '--corpus', corpusDir, doccano, '-o', back])).toBe(0);
    const converted = JSON.parse(await readFile(back, 'utf8'));
    expect(converted.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(
      converted.annotations.map((a: { documentId: string; documentSha256: string; target: { exact: string } }) => [
        a.documentId,
        a.documentSha256,
        a.target.exact,
      ]),
    ).toEqual([[doc.id, doc.sha256, quote]]);
    expect(err).toEqual([]);
  });

  it('names the output path and why it cannot be written, in one line, and exits 1', async () => {
    const input = await nativeFile();
    const output = join(input, 'sub', 'out.json');
    expect(await main(['convert', '--to', 'native', input, '-o', output])).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^✗ cannot write ${output.replace(/[.\\]/g, '\\$&')}: ENOTDIR`));
  });

  it('carries document framing through the formats that keep it', async () => {
    const input = await nativeFile();
    const file = JSON.parse(await readFile(input, 'utf8'));
    file.documentLabels = [
      {
        documentId: '002_e6cb186dbdad8141.txt',
        annotator: 'Ada',
        tags: ['threat-narrative', 'sanctions-pressure'],
        updatedAt: '2026-11-22T11:00:00.000Z',
      },
    ];
    await writeFile(input, JSON.stringify(file));
    // SemEval-2023's frames are the policy frames' (other-tags here); its own tests carry those.
    const keepers = formats.filter(
      (f) => f.parse && !f.leavesOut.includes('document-framing') && !f.leavesOut.includes('other-tags'),
    );
    for (const format of keepers.filter((f) => f.id !== 'native')) {
      const foreign = join(dir, `framed-${format.id}${format.archive ?? format.reads[0] ?? ''}`);
      expect(await main(['convert', '--to', format.id, '--corpus', corpusDir, input, '-o', foreign])).toBe(0);
      const back = join(dir, `framed-${format.id}.json`);
      expect(await main(['convert', '--to', 'native', '--corpus', corpusDir, foreign, '-o', back])).toBe(0);
      const labels = JSON.parse(await readFile(back, 'utf8')).documentLabels ?? [];
      expect(
        labels.map((l: { tags: string[] }) => [...l.tags].sort()),
        format.id,
      ).toEqual([['sanctions-pressure', 'threat-narrative']]);
    }
  });

  it('refuses an unknown target format', async () => {
    expect(await main(['convert', '--to', 'docx', await nativeFile(), '-o', join(dir, 'x')])).toBe(2);
    expect(err.join('\n')).toContain('unknown format "docx"');
  });
});

/** The two claims as brat files, zipped in one folder as the app's export zips them (lib/zip-files.ts). */
async function bratZip(): Promise<string> {
  const brat = join(dir, 'brat-out');
  expect(await main(['convert', '--to', 'brat', '--corpus', corpusDir, await nativeFile(), '-o', brat])).toBe(0);
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(brat))
    files[`corpus-brat-20261122-120000/${name}`] = await readFile(join(brat, name));
  const zip = join(dir, 'corpus-brat-20261122-120000.zip');
  await writeFile(zip, zipSync(files));
  await rm(brat, { recursive: true });
  out.length = 0;
  return zip;
}

describe('framing-workbench and zips', () => {
  it('validates and converts the app’s own brat zip', async () => {
    const zip = await bratZip();
    expect(await main(['validate', zip])).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(/✓ 4 brat files \(brat standoff\): 2 claims, 1 documents/);
    const back = join(dir, 'back.json');
    expect(await main(['convert', '--to', 'native', '--corpus', corpusDir, zip, '-o', back])).toBe(0);
    const converted = JSON.parse(await readFile(back, 'utf8'));
    expect(
      converted.annotations.map((a: { documentId: string; target: { exact: string } }) => [
        a.documentId,
        a.target.exact,
      ]),
    ).toEqual([
      ['002_e6cb186dbdad8141.txt', 'NATO’s military activity near our borders'],
      ['002_e6cb186dbdad8141.txt', 'Russia is preparing an answer to NATO'],
    ]);
  });

  it('refuses a damaged zip by name and reason, and converts nothing', async () => {
    const zip = await bratZip();
    const bytes = await readFile(zip);
    await writeFile(zip, bytes.subarray(0, bytes.length - 40));
    expect(await main(['validate', zip])).toBe(1);
    expect(err).toEqual([`✗ ${zip}: not a zip archive (or a damaged one); nothing of it was read`]);
    err.length = 0;
    expect(await main(['convert', '--to', 'native', zip, '-o', join(dir, 'x.json')])).toBe(1);
    expect(err.at(-1)).toBe('✗ nothing was converted: 1 input(s) could not be read');
  });
});

describe('framing-workbench validate FOLDER', () => {
  it('reports every file it cannot read, validates the rest, and exits 1', async () => {
    const folder = join(dir, 'mixed');
    await mkdir(join(folder, 'sub'), { recursive: true });
    const native = await nativeFile();
    await writeFile(join(folder, 'a-claims.json'), await readFile(native));
    await writeFile(join(folder, 'b-latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    await writeFile(join(folder, 'sub', 'c-broken.zip'), 'PK but no zip');
    await writeFile(join(folder, 'sub', 'd-claims.json'), await readFile(native));
    expect(await main(['validate', folder, join(dir, 'missing.json')])).toBe(1);
    expect(err).toEqual([
      `✗ ${join(folder, 'b-latin1.json')}: not UTF-8 text`,
      `✗ ${join(folder, 'sub', 'c-broken.zip')}: not a zip archive (or a damaged one); nothing of it was read`,
      expect.stringMatching(new RegExp(`^✗ ${join(dir, 'missing.json').replace(/[.\\]/g, '\\$&')}: ENOENT`)),
    ]);
    expect(out).toEqual([
      expect.stringMatching(/^✓ a-claims\.json \(Labelled JSON \(Framing Workbench\)\): 2 claims/),
      expect.stringMatching(/^✓ sub\/d-claims\.json \(Labelled JSON \(Framing Workbench\)\): 2 claims/),
    ]);
  });
});

describe('framing-workbench corpus', () => {
  it('prints every document with its encoding, hash and segments as JSON', async () => {
    expect(await main(['corpus', corpusDir, '--json', '--no-cache'])).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    expect(printed.documents).toHaveLength(5);
    const russian = printed.documents.find((d: { id: string }) => d.id === '001_cd43f6f3889422fc.txt');
    expect(russian).toMatchObject({
      language: 'ru',
      encoding: 'utf-8',
      format: 'text',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(russian.segments.some((s: { kind: string }) => s.kind === 'body')).toBe(true);
    expect(russian.text).toBeUndefined();
  });

  it('prints a readable summary without --json, and reads only changed files the next time', async () => {
    const index = join(dir, 'index');
    expect(await main(['corpus', corpusDir, '--index', index])).toBe(0);
    expect(out.join('\n')).toContain('5 documents, 0 skipped');
    expect(out.at(-1)).toBe('5 files read, 0 unchanged files taken from the index');
    const first = out.join('\n');
    out.length = 0;
    expect(await main(['corpus', corpusDir, '--index', index])).toBe(0);
    expect(out.at(-1)).toBe('0 files read, 5 unchanged files taken from the index');
    expect(out.slice(0, -1).join('\n')).toBe(first.split('\n').slice(0, -1).join('\n'));
    out.length = 0;
    expect(await main(['corpus', corpusDir, '--no-cache'])).toBe(0);
    expect(out.at(-1)).toBe('5 documents, 0 skipped');
  });
});

/** Ada's file and Boris's: the same two claims, the second tagged threat narrative where Ada said military cooperation. */
async function adaAndBoris(): Promise<[string, string]> {
  const ada = await nativeFile();
  const boris = join(dir, 'boris.json');
  const file = JSON.parse(await readFile(ada, 'utf8'));
  for (const a of file.annotations) a.annotator = 'Boris';
  file.annotations[1].tags = ['threat-narrative'];
  file.annotations[1].id = '01JDA0000000000000000000B2';
  file.annotations[0].id = '01JDA0000000000000000000B1';
  await writeFile(boris, JSON.stringify(file));
  return [ada, boris];
}

describe('framing-workbench agreement', () => {
  it('compares two annotators’ files and prints the promised JSON', async () => {
    const [ada, boris] = await adaAndBoris();
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--json'])).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    expect(printed.annotators).toEqual(['Ada', 'Boris']);
    expect(printed.documents).toBe(1);
    // One claim agreed exactly, the other tagged differently: 1 of 2 units match on each side.
    expect(printed.spanF1.exact.overall).toBeCloseTo(0.5);
    expect(printed.spanF1.exact.byTag['threat-narrative']).toBeCloseTo(2 / 3);
    expect(printed.unitizingAlpha.overall).toEqual(expect.any(Number));
    expect(printed.documentLabels).toEqual({
      cohenKappa: [],
      fleissKappa: null,
      krippendorffAlpha: null,
      masiAlpha: null,
      byTag: {},
    });
  });

  it('scores an annotator against a gold annotator as the shared task scored systems', async () => {
    const [ada, boris] = await adaAndBoris();
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--gold', 'Ada', '--json'])).toBe(0);
    const { againstGold } = JSON.parse(out.join('\n'));
    // Boris's two threat spans against Ada's one: half his spans are hers; half of hers (by technique) are his.
    expect(againstGold.Boris.overall).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(againstGold.Boris.byTechnique['threat-narrative'].precision).toBe(0.5);
    expect(Object.keys(againstGold)).toEqual(['Boris']);
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--gold', 'Zoe'])).toBe(1);
    expect(err.join('\n')).toContain('no claims of "Zoe" to score against (annotators: Ada, Boris)');
  });

  it('leaves out claims made by search or suggestion with --without-machine, and says how many', async () => {
    const [ada, boris] = await adaAndBoris();
    // Both coded the first claim from the same search; Boris tagged the second differently by hand.
    for (const path of [ada, boris]) {
      const file = JSON.parse(await readFile(path, 'utf8'));
      file.annotations[0].origin = { kind: 'search', query: 'NATO', regex: false, extent: 'sentence' };
      await writeFile(path, JSON.stringify(file));
    }
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--json'])).toBe(0);
    const counted = JSON.parse(out.join('\n'));
    expect(counted.spanF1.exact.overall).toBeCloseTo(0.5);
    expect(counted).not.toHaveProperty('machineClaimsLeftOut');
    out.length = 0;
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--without-machine', '--json'])).toBe(0);
    const handMade = JSON.parse(out.join('\n'));
    expect(handMade.machineClaimsLeftOut).toBe(2);
    expect(handMade.spanF1.exact.overall).toBe(0);
    out.length = 0;
    expect(await main(['agreement', ada, boris, '--corpus', corpusDir, '--without-machine'])).toBe(0);
    expect(out).toContain('2 claim(s) made by search or suggestion left out');
  });

  /** Ada's and Boris's files with these document labels (tag sets) and no claims. */
  async function labelFiles(labels: Record<'Ada' | 'Boris', Record<string, string[]>>): Promise<string[]> {
    const template = JSON.parse(await readFile(await nativeFile(), 'utf8'));
    return Promise.all(
      (['Ada', 'Boris'] as const).map(async (annotator) => {
        const path = join(dir, `${annotator.toLowerCase()}-labels.json`);
        const file = {
          ...template,
          annotator,
          annotations: [],
          documentLabels: Object.entries(labels[annotator]).map(([documentId, tags]) => ({
            documentId,
            annotator,
            tags,
            updatedAt: '2026-11-22T10:00:00.000Z',
          })),
        };
        await writeFile(path, JSON.stringify(file));
        return path;
      }),
    );
  }

  it('compares document framings as tag sets: MASI α and each tag', async () => {
    const [ada, boris] = await labelFiles({
      Ada: {
        '002_e6cb186dbdad8141.txt': ['threat-narrative', 'integration'],
        '001_cd43f6f3889422fc.txt': ['sanctions-pressure'],
      },
      Boris: {
        '002_e6cb186dbdad8141.txt': ['integration', 'sanctions-pressure'],
        '001_cd43f6f3889422fc.txt': ['sanctions-pressure'],
      },
    });
    expect(await main(['agreement', ada as string, boris as string, '--corpus', corpusDir, '--json'])).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    // Values {t,i}, {i,s}, {s}, {s}: D_o = (1/4)(2·0.89) = 0.445; D_e = 2(0.89 + 2·1 + 2·0.665) / (4·3)
    // = 8.44/12; α = 1 − 0.445/0.70333… = 0.367298…, as NLTK's AnnotationTask with masi_distance.
    expect(printed.documentLabels.masiAlpha).toBeCloseTo(0.3672985781990521, 12);
    // integration: yes/no from both, full agreement; threat-narrative and sanctions-pressure: p_o = 1/2 = p_e.
    expect(printed.documentLabels.byTag).toEqual({
      integration: { cohenKappa: [{ a: 'Ada', b: 'Boris', value: 1 }], fleissKappa: 1, krippendorffAlpha: 1 },
      'sanctions-pressure': {
        cohenKappa: [{ a: 'Ada', b: 'Boris', value: 0 }],
        fleissKappa: expect.closeTo(-1 / 3, 12),
        krippendorffAlpha: expect.closeTo(0, 12),
      },
      'threat-narrative': {
        cohenKappa: [{ a: 'Ada', b: 'Boris', value: 0 }],
        fleissKappa: expect.closeTo(-1 / 3, 12),
        krippendorffAlpha: expect.closeTo(0, 12),
      },
    });
    expect(printed.notes).toEqual([expect.stringMatching(/^2 document label\(s\) hold more than one tag: /)]);
  });

  it('prints the framing figures with their counts, and why one document says nothing', async () => {
    const [ada, boris] = await labelFiles({
      Ada: { '002_e6cb186dbdad8141.txt': ['threat-narrative', 'integration'] },
      Boris: { '002_e6cb186dbdad8141.txt': ['integration', 'sanctions-pressure'] },
    });
    expect(await main(['agreement', ada as string, boris as string, '--corpus', corpusDir])).toBe(0);
    expect(out).toContain('framing α (MASI)               undefined (n=1)');
    expect(out).toContainEqual(
      expect.stringMatching(
        /^ {2}integration +Fleiss κ undefined \(n=1\) {2}α undefined \(n=1\) {2}κ Ada\/Boris undefined \(n=1\)$/,
      ),
    );
    expect(out).toContain(`  undefined: ${ONE_DOCUMENT}`);
  });
});

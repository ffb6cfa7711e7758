import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { planImport } from '../import/plan-import';
import type { Origin } from '../model/annotation';
import { codebookTagId } from '../model/codebook';
import { OffsetIndex } from '../text/offsets';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { qdcCodebook, qdcFormat } from './qdc';
import { qdpxFormat } from './qdpx';
import { guidToUlid, ulidToGuid } from './refi-codes';
import { groupImportFiles, groupSource } from './registry';
import { exportSet } from './testing/arbitraries';
import { claimOnQuote } from './testing/claims';

/*
 * What the REFI-QDA reading and writing rests on (read, not copied): the QDA-XML schemas
 * vendored in third_party/refi-qda (Project.xsd of 18 March 2019, Codebook.xsd of 5 October
 * 2017) and the REFI-QDA 1.5 specification: a .qdpx is a zip of project.qde and a sources folder
 * whose texts TextSources name as internal://<file>; PlainTextSelection positions count Unicode
 * code points, the end exclusive; codes nest, and isCodable="false" marks a group.
 */

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const work = mkdtempSync(join(tmpdir(), 'refi-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** xmllint's verdict on `xml` against one of the standard's schemas: '' when it validates, else its errors. */
function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join('third_party/refi-qda', schema), file], {
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

const text1 =
  'NATO is expanding eastwards 🚀 and Minsk answers.\r\nThe West imposes sanctions, officials said.\r\n\r\nЗапад вводит санкции против Беларуси.';
const text2 = 'Союзное государство 🇧🇾 углубляет интеграцию.\nIntegration road maps were signed in 2021.';

const claimOn = (text: string, documentId: string, quote: string, tags: string[], annotator: string, id: string) =>
  claimOnQuote({ id: documentId, text }, quote, tags, id, { annotator, sha256: '0'.repeat(64) });

/** A realistic export: two documents with emoji, a flag and CRLFs; claims of two annotators, one with two tags, a note and attributes; framing. */
const set: ExportSet = {
  exportedAt: '2026-12-05T12:00:00.000Z',
  app: { name: 'Framing Workbench', version: '0.1.0' },
  annotator: 'Ada',
  codebook: narrativesCodebook,
  documents: [
    { id: 'en/nato.txt', title: 'NATO <expands> & “answers”', language: 'en', sha256: '1'.repeat(64), text: text1 },
    { id: 'ru/союз.txt', title: 'Союз', language: 'ru', sha256: '2'.repeat(64), text: text2 },
  ],
  annotations: [
    {
      ...claimOn(
        text1,
        'en/nato.txt',
        'and Minsk answers',
        ['threat-narrative', 'military-cooperation'],
        'Ada',
        '01JDA0000000000000000000A1',
      ),
      attributes: { speaker: 'Makei', stance: 'disputed', confidence: 'high', note: 'Line one\r\nline two & <three>' },
    },
    claimOn(
      text1,
      'en/nato.txt',
      'Запад вводит санкции',
      ['sanctions-pressure'],
      'Борис',
      '01JDA0000000000000000000A2',
    ),
    claimOn(text2, 'ru/союз.txt', '🇧🇾 углубляет интеграцию', ['integration'], 'Ada', '01JDA0000000000000000000A3'),
    claimOn(text2, 'ru/союз.txt', 'road maps', ['persuasion-loaded-language'], 'Ada', '01JDA0000000000000000000A4'),
  ],
  documentLabels: [
    {
      documentId: 'en/nato.txt',
      annotator: 'Борис',
      tags: ['threat-narrative', 'sanctions-pressure'],
      updatedAt: '2026-11-23T10:00:00.000Z',
    },
  ],
  otherTags: new Map([['persuasion-loaded-language', { label: 'Loaded language', colour: '#aa3377' }]]),
};

const bySearch: Origin = { kind: 'search', query: 'санкции: "Запад"', regex: false, extent: 'sentence' };
const bySuggestion: Origin = { kind: 'suggestion', source: 'repeats', score: 0.8333 };

/** The realistic export with its first claim (which has attributes) suggested and its second (which has none) coded from a search. */
const made: ExportSet = {
  ...set,
  annotations: set.annotations.map((a, i) => (i < 2 ? { ...a, origin: [bySuggestion, bySearch][i] } : a)),
};

const parse = (files: readonly FileEntry[]): Interchange => {
  const result = qdpxFormat.parse?.(files);
  if (!result?.ok) throw new Error(`refused: ${JSON.stringify(result?.error)}`);
  return result.value;
};

const projectOf = (files: readonly FileEntry[]) => files.find((f) => f.name === 'project.qde')?.content ?? '';

describe.skipIf(!hasXmllint && !process.env.CI)(
  hasXmllint || process.env.CI
    ? 'REFI-QDA exports against the standard’s XSD (xmllint)'
    : 'skipped: xmllint is not installed here (apt-get install libxml2-utils; CI installs it)',
  () => {
    it('a project with claims, notes, attributes, several annotators and framing validates against Project.xsd', () => {
      expect(schemaErrors(projectOf(qdpxFormat.serialize(set)), 'Project.xsd')).toBe('');
    });

    it('a project whose claims record how they were made validates against Project.xsd', () => {
      expect(schemaErrors(projectOf(qdpxFormat.serialize(made)), 'Project.xsd')).toBe('');
    });

    it('a codebook validates against Codebook.xsd', () => {
      expect(schemaErrors(qdcCodebook.serialize(narrativesCodebook), 'Codebook.xsd')).toBe('');
    });

    it('any export of generated documents and claims validates', () => {
      fc.assert(
        fc.property(
          exportSet,
          (generated) => schemaErrors(projectOf(qdpxFormat.serialize(generated)), 'Project.xsd') === '',
        ),
        { numRuns: 15 },
      );
    });

    it('the checker itself refuses what the standard refuses', () => {
      const broken = projectOf(qdpxFormat.serialize(set)).replace(/startPosition="\d+"/, 'startPosition="x"');
      expect(schemaErrors(broken, 'Project.xsd')).toMatch(/startPosition/);
    });
  },
);

describe('REFI-QDA project (.qdpx) round trip', () => {
  it('brings back every claim: place, tags, annotator, note, attributes and id; and the document framing', () => {
    const files = qdpxFormat.serialize(set);
    expect(files.map((f) => f.name).sort()).toEqual(
      ['project.qde', ...files.filter((f) => f.name.startsWith('sources/')).map((f) => f.name)].sort(),
    );
    const read = parse(files);
    const codebook = read.codebook ?? narrativesCodebook;
    expect(read.documents.map((d) => [d.id, d.title, d.language, d.text])).toEqual(
      set.documents.map((d) => [d.id, d.title, d.language, d.text]),
    );
    const back = read.claims.map((r) => ({
      id: r.id,
      documentId: r.documentId,
      start: r.selector.start,
      end: r.selector.end,
      tags: r.tags.map((t) => codebookTagId(narrativesCodebook, t)),
      annotator: r.annotator,
      attributes: r.attributes,
    }));
    expect(back).toEqual(
      set.annotations.map((a) => ({
        id: a.id,
        documentId: a.documentId,
        start: a.target.start,
        end: a.target.end,
        tags: a.tags.map((t) => (t === 'persuasion-loaded-language' ? 'Loaded language' : t)),
        annotator: a.annotator,
        attributes: a.attributes,
      })),
    );
    expect(read.documentLabels).toEqual([
      {
        documentId: 'en/nato.txt',
        annotator: 'Борис',
        tags: ['Threat narrative', 'Sanctions and Western pressure'],
        updatedAt: '2026-11-23T10:00:00.000Z',
      },
    ]);
    // The code system comes back as a codebook: the group a code that cannot be coded, colours kept.
    expect(codebook.groups.map((g) => g.label)).toContain('Narratives');
    expect(codebook.tags.find((t) => t.label === 'Threat narrative')?.colour).toBe(
      narrativesCodebook.tags.find((t) => t.id === 'threat-narrative')?.colour,
    );
    expect(read.notes?.map((n) => n.message)).toEqual([
      'positions read as Unicode code points, as the standard counts, a CRLF line ending as two characters: 2 sources, 4 of 4 selections checked against the text they quote',
    ]);
  });

  it('keeps every generated claim on its words, whatever the characters and line endings', () => {
    fc.assert(
      fc.property(exportSet, (generated) => {
        const read = parse(qdpxFormat.serialize(generated));
        const texts = new Map(generated.documents.map((d) => [d.id, d.text]));
        const got = read.claims
          .filter((r) => r.unplaced === undefined)
          .map(
            (r) =>
              `${r.documentId}|${r.selector.start}|${r.selector.end}|${texts.get(r.documentId)?.slice(r.selector.start, r.selector.end) === r.selector.exact}`,
          )
          .sort();
        const want = generated.annotations
          .filter((a) => !a.deletedAt)
          .map((a) => `${a.documentId}|${a.target.start}|${a.target.end}|true`)
          .sort();
        expect(got).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the same file for the same work, and a claim more changes only its own lines', () => {
    const once = projectOf(qdpxFormat.serialize(set));
    expect(projectOf(qdpxFormat.serialize(set))).toBe(once);
    const more = {
      ...set,
      annotations: [
        ...set.annotations,
        claimOn(text2, 'ru/союз.txt', 'signed in 2021', ['integration'], 'Ada', '01JDA0000000000000000000A5'),
      ],
    };
    const lines = new Set(once.split('\n'));
    const added = projectOf(qdpxFormat.serialize(more))
      .split('\n')
      .filter((line) => !lines.has(line));
    expect(added.join('\n')).toMatch(/PlainTextSelection guid="[^"]+" name="signed in 2021"/);
    expect(added.length).toBeLessThanOrEqual(5);
  });

  it('keeps how each claim was made in its "Claim attributes" note, with or without other attributes', () => {
    const files = qdpxFormat.serialize(made);
    expect(projectOf(files)).toContain(
      `confidence: high\norigin: {"kind":"suggestion","source":"repeats","score":0.8333}</PlainTextContent>`,
    );
    expect(projectOf(files)).toContain(
      `<PlainTextContent>origin: {"kind":"search","query":"санкции: \\"Запад\\"","regex":false,"extent":"sentence"}</PlainTextContent>`,
    );
    const read = parse(files);
    expect(read.claims.map((r) => [r.id, r.madeBy, r.attributes])).toEqual(
      made.annotations.map((a) => [a.id, a.origin, a.attributes]),
    );
    expect(read.skipped).toEqual([]);
  });

  it('leaves out an origin it cannot read, saying where, and keeps the claim and its other attributes', () => {
    const files = qdpxFormat
      .serialize(made)
      .map((f) =>
        f.name === 'project.qde' ? { ...f, content: f.content.replace('"score":0.8333', '"score":"high"') } : f,
      );
    const read = parse(files);
    expect(read.claims.map((r) => r.madeBy)).toEqual([undefined, bySearch, undefined, undefined]);
    expect(read.claims[0]?.attributes).toEqual(set.annotations[0]?.attributes);
    expect(read.skipped).toEqual([
      {
        path: expect.stringMatching(/^project\.qde line \d+, note line \d+$/),
        message: expect.stringMatching(/^how the claim was made was left out \(score\): /),
      },
    ]);
  });

  it('gives a claim the GUID of its id, and reads that id back', () => {
    expect(ulidToGuid('01JDA0000000000000000000A1')).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/), (id) => guidToUlid(ulidToGuid(id)) === id),
    );
  });
});

/** A project as other tools write them: one text source, inline, with selections named by their quotes. */
function project(text: string, selections: readonly [number, number, string][], extra = ''): FileEntry[] {
  const selection = ([start, end, name]: [number, number, string], i: number) => `
      <PlainTextSelection guid="00000000-0000-0000-0000-00000000000${i}" name="${name}" startPosition="${start}" endPosition="${end}" creatingUser="AAAAAAAA-0000-0000-0000-000000000001">
        <Coding guid="00000000-0000-0000-0001-00000000000${i}"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000001"/></Coding>
      </PlainTextSelection>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Study" origin="Another tool">
  <Users><User guid="AAAAAAAA-0000-0000-0000-000000000001" name="Olga"/></Users>
  <CodeBook><Codes>
    <Code guid="CCCCCCCC-0000-0000-0000-000000000000" name="Frames" isCodable="false">
      <Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Threat narrative" isCodable="true" color="#c0392b"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="DDDDDDDD-0000-0000-0000-000000000001" name="article" plainTextPath="internal://DDDDDDDD-0000-0000-0000-000000000001.txt">${selections.map(selection).join('')}
    </TextSource>${extra}
  </Sources>
</Project>`;
  return [
    { name: 'project.qde', content: qde },
    { name: 'sources/DDDDDDDD-0000-0000-0000-000000000001.txt', content: text },
  ];
}

const quoteAt = (text: string, quote: string) => [text.indexOf(quote), text.indexOf(quote) + quote.length] as const;

describe('REFI-QDA projects among other files', () => {
  it('keeps two projects imported at once apart, each named by its .qdpx', () => {
    const a = project('Text A here.', [[0, 4, 'Text']]).map((f) => ({ ...f, name: `a.qdpx/${f.name}` }));
    const b = project('Text B there.', [[0, 4, 'Text']]).map((f) => ({ ...f, name: `b.qdpx/${f.name}` }));
    const groups = groupImportFiles([...a, ...b, { name: 'x.ann', content: '' }, { name: 'x.txt', content: '' }]);
    expect(groups.map(groupSource)).toEqual(['a.qdpx', 'b.qdpx', '2 brat files']);
    expect(groups.slice(0, 2).map((group) => parse(group).documents.map((d) => d.text))).toEqual([
      ['Text A here.'],
      ['Text B there.'],
    ]);
  });
});

describe('REFI-QDA offsets as other tools count them', () => {
  const text = 'Emoji 🚀🚀🚀 first.\r\nThen CRLF lines.\r\nNATO threat is named here, with 🎯 and more.';
  const quote = 'NATO threat is named here';
  const [u16Start, u16End] = quoteAt(text, quote);
  const index = new OffsetIndex(text);
  const cpStart = index.toCodePoint(u16Start);
  const cpEnd = index.toCodePoint(u16End);
  const crlfBefore = 2;

  it.each([
    ['the standard’s code points', cpStart, cpEnd, /Unicode code points.*CRLF line ending as two/],
    ['NVivo’s UTF-16 code units', u16Start, u16End, /UTF-16 code units.*as two/],
    [
      'ATLAS.ti’s CRLF as one character',
      cpStart - crlfBefore,
      cpEnd - crlfBefore,
      /code points.*CRLF line ending as one/,
    ],
    ['UTF-16 and CRLF as one', u16Start - crlfBefore, u16End - crlfBefore, /UTF-16 code units.*as one/],
  ])('a file counting %s is read on the right words, and the report says so', (_, start, end, said) => {
    const read = parse(project(text, [[start, end, quote]]));
    const [claim] = read.claims;
    expect(claim?.unplaced).toBeUndefined();
    expect(claim?.selector).toMatchObject({ unit: 'utf16', start: u16Start, end: u16End, exact: quote });
    expect(claim?.annotator).toBe('Olga');
    expect(claim?.tags).toEqual(['Threat narrative']);
    expect(read.notes?.[0]?.message).toMatch(said);
    expect(read.notes?.[0]?.message).toMatch(/1 of 1 selections checked/);
  });

  it('a selection whose quote is other words than at its place waits under Not placed, never elsewhere', () => {
    const files = project(text, [
      [cpStart, cpEnd, quote],
      [cpStart + 5, cpEnd + 5, quote],
    ]);
    const read = parse(files);
    expect(read.claims[1]?.unplaced).toMatch(/its quote “NATO threat is named here” is not the text at/);
    expect(read.claims[1]?.selector).toEqual({ unit: 'utf16', exact: quote });
    const doc = { id: 'article', sha256: '9'.repeat(64), text };
    const plan = planImport(read, {
      source: 'study.qdpx',
      fallbackAnnotator: 'imported',
      codebook: narrativesCodebook,
      now: '2026-12-05T12:00:00.000Z',
      newId: () => '01JDB0000000000000000000B1',
      texts: new Map([[doc.id, doc]]),
      existing: new Map(),
    });
    expect(plan.add.map((c) => [c.target.exact, c.tags])).toEqual([[quote, ['threat-narrative']]]);
    expect(plan.orphans.map((o) => o.reason)).toEqual([expect.stringMatching(/is not the text at/)]);
  });

  it('a selection outside its text is not placed, and says why', () => {
    const read = parse(project(text, [[0, 5000, 'Emoji']]));
    expect(read.claims[0]?.unplaced).toMatch(/not a span of its text/);
  });

  it('a name that quotes nothing (a label) leaves the place as the file gives it', () => {
    const read = parse(project(text, [[cpStart, cpEnd, 'Quote 7']]));
    expect(read.claims[0]).toMatchObject({ selector: { start: u16Start, end: u16End } });
    expect(read.claims[0]?.unplaced).toBeUndefined();
  });
});

describe('REFI-QDA files that are broken or hostile are refused whole, with where', () => {
  const refused = (files: FileEntry[]) => {
    const result = qdpxFormat.parse?.(files);
    if (!result || result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  it('refuses a document type with entities unread: no billion laughs, no file of the machine', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`;
    expect(refused([{ name: 'project.qde', content: laughs }])).toEqual([
      {
        path: 'project.qde line 2',
        message: expect.stringMatching(/declares a document type or entities; refused unread/),
      },
    ]);
    const external = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`;
    expect(refused([{ name: 'project.qde', content: external }])[0]?.message).toMatch(/refused unread/);
  });

  it('refuses what is not a project, another namespace, and a file cut short', () => {
    expect(refused([{ name: 'project.qde', content: '<Codebook/>' }])[0]?.message).toMatch(
      /root element is <Codebook>/,
    );
    expect(refused([{ name: 'project.qde', content: '<Project xmlns="urn:other" name="x"/>' }])[0]?.message).toMatch(
      /namespace is urn:other/,
    );
    const cut = projectOf(qdpxFormat.serialize(set)).slice(0, 900);
    expect(refused([{ name: 'project.qde', content: cut }])[0]?.message).toMatch(/cut short|does not close/);
  });

  it('lists sources it cannot read and codings of unknown codes, and imports the rest', () => {
    const text = 'NATO threat is named here.';
    const files = project(
      text,
      [[0, 11, 'NATO threat']],
      `
    <PDFSource guid="DDDDDDDD-0000-0000-0000-000000000002" name="scan.pdf" path="internal://x.pdf"/>
    <TextSource guid="DDDDDDDD-0000-0000-0000-000000000003" name="elsewhere" plainTextPath="absolute://C:/texts/a.txt">
      <PlainTextSelection guid="00000000-0000-0000-0000-000000000009" startPosition="0" endPosition="4"/>
    </TextSource>`,
    );
    files[0] = {
      name: 'project.qde',
      content: (files[0] as FileEntry).content.replace(
        '</PlainTextSelection>',
        '<Coding guid="00000000-0000-0000-0002-000000000001"><CodeRef targetGUID="EEEEEEEE-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>',
      ),
    };
    const read = parse(files);
    expect(read.claims).toHaveLength(1);
    expect(read.skipped.map((p) => p.message)).toEqual([
      expect.stringMatching(/names a code the code book lacks \(EEEEEEEE/),
      expect.stringMatching(/<PDFSource> \("scan.pdf"\): only text sources/),
      expect.stringMatching(
        /the text of "elsewhere" is not in the project \(absolute:\/\/C:\/texts\/a.txt\): its 1 selections/,
      ),
    ]);
  });
});

describe('REFI-QDA codebook (.qdc)', () => {
  it('brings back groups, labels, colours, descriptions and the hierarchy', () => {
    const nested = {
      ...narrativesCodebook,
      tags: narrativesCodebook.tags.map((t, i) => (i === 1 ? { ...t, parent: narrativesCodebook.tags[0]?.id } : t)),
    };
    const read = qdcCodebook.parse(qdcCodebook.serialize(nested), 'Narratives.qdc', 'Narratives');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const codebook = read.value;
    expect(codebook.tags.map((t) => [t.label, t.colour, t.description])).toEqual(
      nested.tags.map((t) => [t.label, t.colour, t.description]),
    );
    const parent = codebook.tags[0]?.id;
    expect(codebook.tags[1]?.parent).toBe(parent);
    expect(codebook.groups.map((g) => g.label)).toEqual(['Narratives']);
  });

  it('keeps a code system larger than the keyboard: the codes after the 36th have no key', () => {
    const codes = Array.from(
      { length: 40 },
      (_, i) =>
        `<Code guid="CCCCCCCC-0000-0000-0000-0000000000${String(i).padStart(2, '0')}" name="Code ${i}" isCodable="true"/>`,
    ).join('');
    const read = qdcCodebook.parse(
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`,
      'big.qdc',
      'Big',
    );
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.tags).toHaveLength(40);
    expect(read.value.tags.map((t) => t.hotkey).slice(34)).toEqual([
      'y',
      'z',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('says it leaves out how claims were made, as it leaves out the claims', () => {
    expect(qdcFormat.leavesOut).toEqual(expect.arrayContaining(['claims', 'origin']));
  });

  it('is a format of its own: convert writes the codebook, and reading one gives the codebook and no claims', () => {
    const [file] = qdcFormat.serialize(set);
    expect(file?.name).toBe('codebook.qdc');
    const read = qdcFormat.parse?.([{ name: 'My study.qdc', content: file?.content ?? '' }]);
    expect(read?.ok && read.value.codebook?.name).toBe('My study');
    expect(read?.ok && read.value.claims).toEqual([]);
  });
});

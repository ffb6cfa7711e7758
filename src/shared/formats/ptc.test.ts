/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { Annotation } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { articleIds, createPtcFormat, ptcFormat } from './ptc';
import { PTC_TECHNIQUES, type TagMap } from './tag-map';
import { exportSet } from './testing/arbitraries';
import { claimOnQuote, exportOf } from './testing/claims';

/*
 * What the PTC files here rest on (read, not copied): the PTC scorer's README "Data format"
 * (`id begin_offset end_offset` for SI, `id technique begin_offset end_offset` for TC, begin
 * inclusive, end exclusive), task-SI_scorer.py and src/annotation.py of the scorers (lines read
 * with open() and universal newlines, `line.rstrip().split("\t")`, int() offsets, start < end,
 * the article id from `article([0-9]+)` in a file name), and print_spans.py (articles read with
 * codecs.open, so CRLF is two characters and a leading byte order mark is one). The fixtures are
 * invented articles, not the corpus.
 */

const fixtures = Object.entries(
  import.meta.glob<string>('./fixtures/ptc/**/*', { query: '?raw', import: 'default', eager: true }),
).map(([path, content]): FileEntry => ({ name: path.slice('./fixtures/ptc/'.length), content }));

const pick = (pattern: RegExp) => fixtures.filter((f) => pattern.test(f.name));
const articles = pick(/^articles\//);
const gold = pick(/^gold\//);

function read(files: readonly FileEntry[], format = ptcFormat) {
  const parse = format.parse;
  if (!parse) throw new Error('the PTC format reads files');
  return parse(files);
}

function parsed(files: readonly FileEntry[], format = ptcFormat): Interchange {
  const result = read(files, format);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

function refusal(files: readonly FileEntry[]) {
  const result = read(files);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

/** What a reader of the format gets, claim by claim: where, what text, which tags. */
const summary = (value: Interchange) =>
  value.claims.map((c) => [c.documentId, c.selector.start, c.selector.end, c.selector.exact, c.tags.join('+')]);

const article = (id: string, text: string): FileEntry => ({ name: `article${id}.txt`, content: text });
const labels = (name: string, ...lines: string[]): FileEntry => ({
  name,
  content: lines.map((l) => `${l}\n`).join(''),
});

describe('PTC import', () => {
  it('reads the articles and their spans in code points, CRLF counting two and emoji one', () => {
    const value = parsed([...articles, ...gold]);
    expect(value.documents.map((d) => [d.id, d.title])).toEqual([
      ['articles/article1001.txt', 'Minsk summit ends in 🇧🇾 flag-waving and empty promises'],
      ['articles/article1002.txt', 'Саммит в Минске: громкие слова и 🇷🇺 флаги'],
      ['articles/article1003.txt', 'Weather report'],
      ['articles/article1004.txt', 'Editorial 🇧🇾'],
    ]);
    expect(summary(value)).toEqual([
      ['articles/article1001.txt', 21, 35, '🇧🇾 flag-waving', 'flag-waving'],
      ['articles/article1001.txt', 79, 106, 'historic, unbreakable union', 'loaded-language'],
      ['articles/article1001.txt', 89, 125, 'unbreakable union" of the two states', 'loaded-language'],
      ['articles/article1001.txt', 160, 178, 'shameless betrayal', 'name-calling'],
      ['articles/article1001.txt', 160, 169, 'shameless', 'loaded-language'],
      ['articles/article1001.txt', 182, 227, 'Either we integrate now or we lose everything', 'false-dilemma'],
      ['articles/article1001.txt', 249, 297, 'Analysts doubt that the plan will ever be funded', 'doubt'],
      ['articles/article1001.txt', 340, 377, 'unbreakable, unbreakable, unbreakable', 'repetition'],
      // gold/article1002.labels ends its lines with CRLF, and the article's are CRLF too.
      ['articles/article1002.txt', 17, 30, 'громкие слова', 'loaded-language'],
      ['articles/article1002.txt', 69, 95, '«предателями и паникёрами»', 'name-calling'],
      ['articles/article1002.txt', 113, 144, '«так называемыми специалистами»', 'name-calling'],
      ['articles/article1002.txt', 149, 195, 'Либо мы объединяемся сейчас, либо потеряем всё', 'false-dilemma'],
      ['articles/article1002.txt', 210, 241, 'Все знают, что другого пути нет', 'conversation-killer'],
      ['articles/article1004.txt', 18, 35, 'so-called experts', 'name-calling'],
    ]);
    expect(value.claims[0]?.origin).toBe('gold/article1001.labels:1');
    expect(value.claims[0]?.selector.unit).toBe('codepoint');
    expect(value.skipped).toEqual([
      {
        path: 'gold/article1004.labels:2',
        message:
          'the technique "Bandwagon,Reductio_ad_hitlerum" is not in the tag map, so it is not imported; it stands for any of appeal-to-popularity, guilt-by-association: add it to the map to import it',
      },
    ]);
  });

  it('reads a file of many articles, such as a submission, and merged spans of two techniques into one claim', () => {
    const value = parsed([...articles, ...pick(/^predicted\.tsv$/)]);
    expect(value.claims).toHaveLength(16);
    const lines = [
      '1001\tLoaded_Language\t0\t5',
      '1001\tDoubt\t0\t5',
      '1001\tLoaded_Language\t0\t5',
      '1001\tGlittering_Generalities\t0\t5',
    ];
    const merged = parsed([...articles, labels('x.labels', ...lines)]);
    expect(summary(merged)).toEqual([['articles/article1001.txt', 0, 5, 'Minsk', 'loaded-language+doubt']]);
    expect(merged.skipped.map((s) => s.path)).toEqual(['x.labels:4']);
  });

  it('skips span-only lines (task SI) unless the map gives "propaganda" a tag', () => {
    const si = [...articles, ...pick(/^gold-si\.labels$/)];
    const plain = parsed(si);
    expect(plain.claims).toEqual([]);
    expect(plain.skipped).toHaveLength(15);
    expect(plain.skipped[0]).toEqual({
      path: 'gold-si.labels:1',
      message: 'a span without a technique (task SI): map "propaganda" to a tag to import these',
    });
    const map: TagMap = { toTag: { propaganda: 'loaded-language' }, toName: {} };
    const mapped = parsed(si, createPtcFormat(map));
    expect(mapped.claims).toHaveLength(15);
    expect(mapped.claims.every((c) => c.tags.join() === 'loaded-language')).toBe(true);
  });

  it('maps a name only when the analyst’s map says so, and no name through the object prototype', () => {
    const lines = ['1004\tBandwagon,Reductio_ad_hitlerum\t62\t79', '1004\tconstructor\t4\t9', '1004\ttoString\t4\t9'];
    const files = [...pick(/article1004\.txt$/), labels('article1004.labels', ...lines)];
    expect(parsed(files).claims).toEqual([]);
    const map: TagMap = {
      toTag: { ...PTC_TECHNIQUES.toTag, 'Bandwagon,Reductio_ad_hitlerum': 'appeal-to-popularity' },
      toName: PTC_TECHNIQUES.toName,
    };
    const value = parsed(files, createPtcFormat(map));
    expect(summary(value)).toEqual([['articles/article1004.txt', 62, 79, 'everyone knows it', 'appeal-to-popularity']]);
    expect(value.skipped.map((s) => s.path)).toEqual(['article1004.labels:2', 'article1004.labels:3']);
  });

  it('counts a byte order mark at the start of an article as the organisers’ tools do, and serves the text without it', () => {
    const text = '\uFEFFPope sacked a theologian.\nA devastating letter.\n';
    const files = [article('7', text), labels('article7.labels', '7\tLoaded_Language\t27\t47', '7\tDoubt\t0\t1')];
    const value = parsed(files);
    expect(value.documents[0]?.text).toBe(text.slice(1));
    expect(summary(value)).toEqual([['article7.txt', 26, 46, 'A devastating letter', 'loaded-language']]);
    expect(value.skipped).toEqual([
      { path: 'article7.labels:2', message: 'the span covers only the byte order mark at the start of the text' },
    ]);
  });

  it('reads lines ended by LF, CRLF or CR, with trailing white space and blank lines, as the scorers do', () => {
    const files = [
      article('5', 'Loaded words here.\n'),
      { name: 'article5.labels', content: '5\tLoaded_Language\t0\t6\t \r\n\r\n5\tDoubt\t7\t12\r5\tSlogans\t13\t17' },
    ];
    expect(summary(parsed(files))).toEqual([
      ['article5.txt', 0, 6, 'Loaded', 'loaded-language'],
      ['article5.txt', 7, 12, 'words', 'doubt'],
      ['article5.txt', 13, 17, 'here', 'slogans'],
    ]);
  });
});

describe('PTC import refuses', () => {
  const text = 'Short 😀 text.\n';
  const refused = (...lines: string[]) => refusal([article('9', text), labels('article9.labels', ...lines)]);

  it('labels for an article whose text is not among the files, once per file and article', () => {
    expect(refusal([...gold, ...articles.filter((f) => !f.name.endsWith('1002.txt'))])).toEqual([
      {
        path: 'gold/article1002.labels:1',
        message: 'no article1002.txt among the files: the offsets of article 1002 cannot be checked without its text',
      },
    ]);
  });

  it('a span past the end of its text, counted in code points', () => {
    expect(refused('9\tDoubt\t6\t15')).toEqual([
      { path: 'article9.labels:1', message: 'the span 6-15 runs past the end of article9.txt (14 characters)' },
    ]);
    expect(parsed([article('9', text), labels('article9.labels', '9\tDoubt\t6\t13')]).claims[0]?.selector.exact).toBe(
      '😀 text.',
    );
  });

  it('offsets that are not whole numbers, and empty or backward spans', () => {
    expect(
      refused('9\tDoubt\tsix\t8', '9\tDoubt\t-1\t8', '9\tDoubt\t5\t5', '9\tDoubt\t7\t6', '9\tDoubt\t1.0\t3'),
    ).toEqual([
      { path: 'article9.labels:1', message: 'the offset "six" is not a whole number' },
      { path: 'article9.labels:2', message: 'the offset "-1" is not a whole number' },
      { path: 'article9.labels:3', message: 'the span 5-5 is empty or ends before it starts' },
      { path: 'article9.labels:4', message: 'the span 7-6 is empty or ends before it starts' },
      { path: 'article9.labels:5', message: 'the offset "1.0" is not a whole number' },
    ]);
  });

  it('a line of another number of columns', () => {
    expect(refused('9\tDoubt', '9\tDoubt\t1\t3\textra', '9 Doubt 1 3')).toEqual([
      {
        path: 'article9.labels:1',
        message:
          'expected 4 tab-separated columns (article id, technique, start, end) or 3 (article id, start, end), found 2',
      },
      {
        path: 'article9.labels:2',
        message:
          'expected 4 tab-separated columns (article id, technique, start, end) or 3 (article id, start, end), found 5',
      },
      {
        path: 'article9.labels:3',
        message:
          'expected 4 tab-separated columns (article id, technique, start, end) or 3 (article id, start, end), found 1',
      },
    ]);
  });

  it('a line for another article than its file is named for, and two texts for one article', () => {
    const other = article('8', 'Other.\n');
    expect(refusal([article('9', text), other, labels('article9.labels', '8\tDoubt\t0\t5')])).toEqual([
      { path: 'article9.labels:1', message: "the line is for article 8, but the file is article 9's" },
    ]);
    expect(refusal([article('9', text), { name: 'b/article9.txt', content: 'Other.\n' }])).toEqual([
      { path: 'b/article9.txt', message: 'article 9 has another text in article9.txt' },
    ]);
    expect(parsed([article('9', text), { name: 'b/article9.txt', content: text }]).documents).toHaveLength(1);
  });

  it('nothing of a file with a bad line: no claim is half imported', () => {
    expect(read([article('9', text), labels('article9.labels', '9\tDoubt\t0\t5', '9\tDoubt\t0\tx')]).ok).toBe(false);
  });

  it('never throws, whatever the lines', () => {
    const line = fc
      .array(fc.oneof(fc.string(), fc.constantFrom('9', '1', '13', '99', 'Doubt', '-3', '')), { maxLength: 5 })
      .map((fields) => fields.join('\t'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, end) => {
        const result = read([article('9', text), { name: 'article9.labels', content: lines.join(end) }]);
        if (result.ok) for (const c of result.value.claims) expect(c.selector.exact).not.toBe('');
        else expect(result.error.every((p) => /^article9\.labels:\d+$/.test(p.path))).toBe(true);
      }),
    );
  });
});

const sha = 'a'.repeat(64);

const claim = (doc: { id: string; text: string }, quote: string, tags: string[], id: string) =>
  claimOnQuote(doc, quote, tags, id, { sha256: sha, codebookId: 'persuasion-techniques' });

const setOf = (documents: { id: string; text: string; missing?: boolean }[], annotations: Annotation[]) =>
  exportOf(documents, annotations, { sha256: sha });

describe('PTC export', () => {
  const news = { id: 'news/minsk.txt', text: 'Flag 🇧🇾 first.\r\nNATO is a threat,\r\nsaid 😀 Lavrov.\n' };
  const own = { id: 'ptc/article42.txt', text: 'Loaded words.\n' };

  it('numbers articles: their own number when named article<ID>.txt, else the next one free', () => {
    expect(articleIds(['b.txt', 'article2.txt', 'a.txt', 'x/article2.txt', 'article1.txt', 'c/article10.txt'])).toEqual(
      new Map([
        ['article1.txt', '1'],
        ['article2.txt', '2'],
        ['c/article10.txt', '10'],
        ['a.txt', '3'],
        ['b.txt', '4'],
        ['x/article2.txt', '5'],
      ]),
    );
  });

  it('writes article<ID>.txt and article<ID>.labels, a line per tag in code points, named by the map', () => {
    const claims = [
      claim(news, 'said 😀 Lavrov', ['name-calling', 'appeal-to-hypocrisy'], '01JDA0000000000000000000A1'),
      claim(news, 'Flag 🇧🇾', ['flag-waving'], '01JDA0000000000000000000A2'),
      claim(news, 'Flag 🇧🇾', ['flag-waving'], '01JDA0000000000000000000A3'),
      claim(news, 'NATO is a threat', ['whataboutism', 'strawman'], '01JDA0000000000000000000A4'),
      claim(own, 'Loaded', ['loaded-language'], '01JDA0000000000000000000A5'),
      { ...claim(own, 'words', ['doubt'], '01JDA0000000000000000000A6'), deletedAt: '2026-11-22T11:00:00.000Z' },
    ];
    const files = ptcFormat.serialize(setOf([own, news, { id: 'gone.txt', text: '', missing: true }], claims));
    expect(files.map((f) => f.name)).toEqual(['article1.labels', 'article1.txt', 'article42.labels', 'article42.txt']);
    expect(files.find((f) => f.name === 'article1.txt')?.content).toBe(news.text);
    expect(files.find((f) => f.name === 'article1.labels')?.content).toBe(
      [
        '1\tFlag-Waving\t0\t7\n',
        '1\tWhataboutism,Straw_Men,Red_Herring\t16\t32\n',
        '1\tName_Calling,Labeling\t35\t48\n',
        // No PTC name: written under its own id.
        '1\tappeal-to-hypocrisy\t35\t48\n',
      ].join(''),
    );
    expect(files.find((f) => f.name === 'article42.labels')?.content).toBe('42\tLoaded_Language\t0\t6\n');
    expect(ptcFormat.detect(files)).toBe(true);
  });

  it('leaves out how claims were made, and says so: a labels line has no place for it', () => {
    expect(ptcFormat.leavesOut).toContain('origin');
    const plain = claim(news, 'NATO is a threat', ['whataboutism'], '01JDA0000000000000000000A1');
    const searched = { ...plain, origin: { kind: 'search', query: 'NATO', regex: false, extent: 'sentence' } as const };
    const suggested = { ...plain, origin: { kind: 'suggestion', source: 'repeats', score: 0.5 } as const };
    for (const made of [searched, suggested]) {
      expect(ptcFormat.serialize(setOf([news], [made]))).toEqual(ptcFormat.serialize(setOf([news], [plain])));
    }
  });

  it('writes an empty labels file for an article without claims, as the gold of one is', () => {
    const files = ptcFormat.serialize(setOf([own], []));
    expect(files).toEqual([
      { name: 'article42.labels', content: '' },
      { name: 'article42.txt', content: own.text },
    ]);
  });
});

describe('PTC round trip', () => {
  // The narratives tags of the arbitrary export, written under their own ids and read back.
  const identity = Object.fromEntries(narrativesCodebook.tags.map((t) => [t.id, t.id]));
  const format = createPtcFormat({ toTag: identity, toName: identity });

  /**
   * Each live claim's tags as (document, span, tag) units: the PTC has no claims, only lines, so
   * two claims on one span come back as one claim with both tags; the units are the same.
   */
  const units = (set: ExportSet, value: Interchange) => {
    const ids = articleIds(set.documents.map((d) => d.id));
    const texts = new Map(set.documents.map((d) => [d.id, new OffsetIndex(d.text)]));
    const expected = set.annotations
      .filter((a) => a.deletedAt === undefined)
      .flatMap((a) => {
        const index = texts.get(a.documentId) as OffsetIndex;
        const span = [index.toCodePoint(a.target.start), index.toCodePoint(a.target.end)];
        return a.tags.map((tag) => JSON.stringify([`article${ids.get(a.documentId)}.txt`, ...span, tag]));
      });
    const actual = value.claims.flatMap((c) =>
      c.tags.map((tag) => JSON.stringify([c.documentId, c.selector.start, c.selector.end, tag])),
    );
    return { expected: [...new Set(expected)].sort(), actual: actual.sort() };
  };

  it('brings back every tag of every live claim on the same text and span, emoji and CRLF included', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const files = format.serialize(set);
        expect(format.detect(files)).toBe(true);
        const value = parsed(files, format);
        const { expected, actual } = units(set, value);
        expect(actual).toEqual(expected);
        expect(value.skipped).toEqual([]);
        for (const c of value.claims) {
          const text = value.documents.find((d) => d.id === c.documentId)?.text ?? '';
          const index = new OffsetIndex(text);
          expect(text.slice(index.toUtf16(c.selector.start ?? 0), index.toUtf16(c.selector.end ?? 0))).toBe(
            c.selector.exact,
          );
        }
        const texts = set.documents.map((d) => d.text).sort();
        expect(value.documents.map((d) => d.text ?? '').sort()).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });
});

describe('PTC detection', () => {
  it('takes article texts with .labels, or a .tsv of span lines, and nothing else', () => {
    expect(ptcFormat.detect([...articles, ...gold])).toBe(true);
    expect(ptcFormat.detect(pick(/^predicted\.tsv$/))).toBe(true);
    expect(ptcFormat.detect([{ name: 'table.tsv', content: 'name\tvalue\n' }])).toBe(false);
    expect(ptcFormat.detect(articles)).toBe(false);
    expect(ptcFormat.detect([...gold, { name: 'a.ann', content: '' }])).toBe(false);
  });
});

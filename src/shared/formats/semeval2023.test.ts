/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { Annotation } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import { OffsetIndex } from '../text/offsets';
import type { ExportSet, FileEntry, Interchange } from './interchange';
import { articleIds } from './ptc';
import { createSemEval2023Format, paragraphs, semEval2023Format } from './semeval2023';
import type { TagMap } from './tag-map';
import { exportSet } from './testing/arbitraries';
import { claimOnQuote, exportOf } from './testing/claims';

/*
 * What the SemEval-2023 Task 3 files here rest on (read, not copied): the README of the task's
 * data (file names article{ID}.txt and article{ID}-labels-subtask-{N}.txt, the title on the first
 * row, the .template example that numbers "The book is on the table", "", "The table is under
 * the book" as paragraphs 1 and 3, the subtask 2 and 3 line formats), its
 * scorers/techniques_subtask3.txt, frames_subtask2.txt and scorer-subtask-3.py (`line.rstrip()
 * .split("\t")`, two or three columns, techniques split at commas), and the released templates
 * (lines split at "\n" only: rows of CRLF articles end in "\r"; no row is white space alone).
 * The fixtures are invented articles.
 */

const fixtures = Object.entries(
  import.meta.glob<string>('./fixtures/semeval2023/**/*', { query: '?raw', import: 'default', eager: true }),
).map(([path, content]): FileEntry => ({ name: path.slice('./fixtures/semeval2023/'.length), content }));

function read(files: readonly FileEntry[], format = semEval2023Format) {
  const parse = format.parse;
  if (!parse) throw new Error('SemEval-2023 files are read');
  return parse(files);
}

function parsed(files: readonly FileEntry[], format = semEval2023Format): Interchange {
  const result = read(files, format);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

const summary = (value: Interchange) =>
  value.claims.map((c) => [c.documentId, c.selector.start, c.selector.end, c.selector.exact, c.tags.join('+')]);

const file = (name: string, ...lines: string[]): FileEntry => ({ name, content: lines.map((l) => `${l}\n`).join('') });
const without = (pattern: RegExp) => fixtures.filter((f) => !pattern.test(f.name));

describe('SemEval-2023 paragraphs', () => {
  it('are numbered by line from 1, empty lines counted but never labelled, as the task README shows', () => {
    const index = new OffsetIndex('The book is on the table\n\nThe table is under the book');
    expect([...paragraphs(index)]).toEqual([
      [1, { start: 0, end: 24 }],
      [3, { start: 26, end: 53 }],
    ]);
  });

  it('leave out a line’s "\\r", count code points, and skip lines of white space', () => {
    const index = new OffsetIndex('😀 Title\r\n\r\n \t \r\nNext 🇧🇾 line\r\nlast');
    expect([...paragraphs(index)]).toEqual([
      [1, { start: 0, end: 7 }],
      [4, { start: 16, end: 28 }],
      [5, { start: 30, end: 34 }],
    ]);
  });
});

describe('SemEval-2023 import', () => {
  const value = parsed(fixtures);

  it('reads span files as the PTC’s, and paragraph rows of articles without spans as claims over the paragraph', () => {
    expect(value.documents.map((d) => [d.id, d.title])).toEqual([
      ['en/article2001.txt', 'Minsk talks 🇧🇾 collapse'],
      ['ru/article2002.txt', 'Саммит в Минске'],
    ]);
    expect(summary(value)).toEqual([
      ['en/article2001.txt', 29, 46, 'so-called experts', 'name-calling'],
      ['en/article2001.txt', 67, 84, 'everyone knows it', 'appeal-to-popularity'],
      ['en/article2001.txt', 29, 38, 'so-called', 'loaded-language'],
      ['en/article2001.txt', 87, 126, 'Either we act now or we lose everything', 'false-dilemma'],
      ['en/article2001.txt', 150, 168, 'a nest of traitors', 'name-calling'],
      // ru/article2002.txt has CRLF lines: paragraph 3 ends before its "\r".
      ['ru/article2002.txt', 19, 54, 'Критики — «предатели и паникёры» 😀.', 'loaded-language+name-calling'],
      ['ru/article2002.txt', 58, 75, 'Другого пути нет.', 'conversation-killer'],
    ]);
    expect(value.claims[5]?.origin).toBe('ru/dev-labels-subtask-3.txt:2');
  });

  it('notes the paragraph rows it passes over because their article has spans', () => {
    expect(value.notes).toEqual([
      {
        path: 'ru/dev-labels-subtask-3.txt',
        message: "4 paragraph rows were not imported: their articles' span files say the same in more detail",
      },
    ]);
  });

  it('reads subtask 2’s frames as document framing, one annotator per file, undated', () => {
    expect(value.documentLabels).toEqual([
      {
        documentId: 'en/article2001.txt',
        annotator: 'en/dev-labels-subtask-2.txt',
        tags: ['political', 'security-defense'],
        updatedAt: '1970-01-01T00:00:00.000Z',
      },
      {
        documentId: 'ru/article2002.txt',
        annotator: 'ru/dev-labels-subtask-2.txt',
        tags: ['legality'],
        updatedAt: '1970-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('skips what the maps do not name, and subtask 1, each where it is', () => {
    expect(value.skipped).toEqual([
      {
        path: 'en/dev-labels-subtask-1.txt',
        message: "subtask 1's genres (opinion, reporting, satire) have no place in the app",
      },
      {
        path: 'en/article2001-labels-subtask-3.txt:6',
        message:
          'the technique "Glittering_Generalities" is not in the tag map, so it is not imported: add it to the map to import it',
      },
      {
        path: 'ru/dev-labels-subtask-3.txt:3',
        message: 'the technique "Smears" is not in the tag map, so it is not imported: add it to the map to import it',
      },
      {
        path: 'ru/dev-labels-subtask-2.txt:1',
        message: 'the frame "Other" is not in the tag map, so it is not imported: add it to the map to import it',
      },
    ]);
  });

  it('reads the paragraph rows of an article once its span file is gone', () => {
    const rows = parsed(without(/article2001-labels-subtask-3/));
    expect(summary(rows).filter(([doc]) => doc === 'en/article2001.txt')).toEqual([
      [
        'en/article2001.txt',
        25,
        85,
        'The so-called experts failed again 😀, and everyone knows it.',
        'appeal-to-popularity+loaded-language+name-calling',
      ],
      ['en/article2001.txt', 87, 127, 'Either we act now or we lose everything.', 'false-dilemma'],
      ['en/article2001.txt', 132, 169, 'The 𝕸 ministry is a nest of traitors.', 'name-calling'],
    ]);
    expect(rows.notes).toBeUndefined();
  });

  it('takes the analyst’s maps', () => {
    const maps = {
      techniques: { toTag: { Smears: 'questioning-reputation' }, toName: {} },
      frames: { toTag: { Other: 'other-frame' }, toName: {} },
    };
    const mapped = parsed(without(/article2001-labels-subtask-3/), createSemEval2023Format(maps));
    expect(summary(mapped)).toEqual([['ru/article2002.txt', 58, 75, 'Другого пути нет.', 'questioning-reputation']]);
    expect(mapped.documentLabels?.map((l) => l.tags)).toEqual([['other-frame']]);
  });
});

describe('SemEval-2023 import refuses, at file and line', () => {
  const text = 'Title\n\nBody 😀 here.\n';
  const article = { name: 'article5.txt', content: text };

  it('a paragraph number that is no paragraph of its article', () => {
    const result = read([
      article,
      file('dev-labels-subtask-3.txt', '5\t2\tDoubt', '5\tthree\t', '5\t4\t', '5\t3\tDoubt'),
    ]);
    expect(result.ok ? [] : result.error).toEqual([
      {
        path: 'dev-labels-subtask-3.txt:1',
        message: 'line 2 of article5.txt is no paragraph: it is empty, white space or past the last line',
      },
      { path: 'dev-labels-subtask-3.txt:2', message: 'the paragraph number "three" is not a whole number' },
      {
        path: 'dev-labels-subtask-3.txt:3',
        message: 'line 4 of article5.txt is no paragraph: it is empty, white space or past the last line',
      },
    ]);
  });

  it('lines of the wrong shape, labels of an article not among the files, two frame lines for one article', () => {
    const result = read([
      article,
      file('dev-labels-subtask-3.txt', '5', '5\tDoubt\t7\t9\t12', '6\t1\tDoubt'),
      file('dev-labels-subtask-2.txt', '5\tPolitical', '5\tEconomic', '5\tPolitical\textra'),
    ]);
    expect(result.ok ? [] : result.error).toEqual([
      {
        path: 'dev-labels-subtask-3.txt:1',
        message:
          'expected article id, paragraph and techniques (paragraph labels) or article id, technique, start and end (spans), found 1 tab-separated columns',
      },
      {
        path: 'dev-labels-subtask-3.txt:2',
        message:
          'expected article id, paragraph and techniques (paragraph labels) or article id, technique, start and end (spans), found 5 tab-separated columns',
      },
      {
        path: 'dev-labels-subtask-3.txt:3',
        message: 'no article6.txt among the files: the offsets of article 6 cannot be checked without its text',
      },
      { path: 'dev-labels-subtask-2.txt:2', message: 'a second line for article 5' },
      { path: 'dev-labels-subtask-2.txt:3', message: 'expected article id and frames, found 3 tab-separated columns' },
    ]);
  });

  it('a span past its text, as the PTC format does', () => {
    const result = read([article, file('article5-labels-subtask-3.txt', '5\tDoubt\t7\t99')]);
    expect(result.ok ? [] : result.error).toEqual([
      {
        path: 'article5-labels-subtask-3.txt:1',
        message: 'the span 7-99 runs past the end of article5.txt (20 characters)',
      },
    ]);
  });

  it('reads a frames line with no frames as "none", and a template as nothing', () => {
    const value = parsed([
      article,
      file('dev-labels-subtask-2.txt', '5\t'),
      file('dev.template', '5\t3\tBody 😀 here.'),
    ]);
    expect(value.documentLabels?.map((l) => l.tags)).toEqual([[]]);
    expect(value.skipped).toEqual([
      { path: 'dev.template', message: 'a template lists the paragraphs to be labelled; it holds no labels' },
    ]);
  });
});

const sha = 'b'.repeat(64);

const claim = (doc: { id: string; text: string }, quote: string, tags: string[], id: string) =>
  claimOnQuote(doc, quote, tags, id, { sha256: sha, codebookId: 'persuasion-techniques' });

const label = (documentId: string, annotator: string, tags: string[]): DocumentLabel => ({
  documentId,
  annotator,
  tags,
  updatedAt: '2026-11-22T10:00:00.000Z',
});

const setOf = (
  documents: { id: string; text: string }[],
  annotations: Annotation[],
  documentLabels?: DocumentLabel[],
) => exportOf(documents, annotations, { sha256: sha, documentLabels });

describe('SemEval-2023 export', () => {
  const doc = {
    id: 'en/article2001.txt',
    text: 'Minsk talks 🇧🇾 collapse\n\nThe so-called experts failed again 😀, and everyone knows it.\n\nEither we act now or we lose everything.\n   \nThe 𝕸 ministry is a nest of traitors.\n',
  };
  const other = { id: 'notes/minsk.txt', text: 'Quiet day.\r\n' };
  const claims = [
    claim(doc, 'so-called experts', ['name-calling'], '01JDA0000000000000000000B1'),
    claim(doc, 'everyone knows it', ['appeal-to-popularity'], '01JDA0000000000000000000B2'),
    claim(doc, 'knows it.\n\nEither', ['doubt'], '01JDA0000000000000000000B3'),
    claim(doc, 'a nest of traitors', ['name-calling', 'not-in-the-map'], '01JDA0000000000000000000B4'),
  ];
  const files = semEval2023Format.serialize(
    setOf([doc, other], claims, [
      label(doc.id, 'Ada', ['political', 'security-defense']),
      label(doc.id, 'Boris', ['political', 'economic']),
    ]),
  );
  const content = (name: string) => files.find((f) => f.name === name)?.content;

  it('writes the task’s files: articles, span files, paragraph rows and frames', () => {
    expect(files.map((f) => f.name)).toEqual([
      'article1-labels-subtask-3.txt',
      'article1.txt',
      'article2001-labels-subtask-3.txt',
      'article2001.txt',
      'labels-subtask-2.txt',
      'labels-subtask-3.txt',
    ]);
    expect(content('article2001-labels-subtask-3.txt')).toBe(
      [
        '2001\tName_Calling-Labeling\t29\t46\n',
        '2001\tAppeal_to_Popularity\t67\t84\n',
        '2001\tDoubt\t76\t93\n',
        '2001\tName_Calling-Labeling\t150\t168\n',
        '2001\tnot-in-the-map\t150\t168\n',
      ].join(''),
    );
    expect(content('article1-labels-subtask-3.txt')).toBe('');
    expect(semEval2023Format.detect(files)).toBe(true);
  });

  it('rows every paragraph with the techniques of the claims that cover any of it, in name order', () => {
    expect(content('labels-subtask-3.txt')).toBe(
      [
        '2001\t1\t\n',
        '2001\t3\tAppeal_to_Popularity,Doubt,Name_Calling-Labeling\n',
        '2001\t5\tDoubt\n',
        '2001\t7\tName_Calling-Labeling,not-in-the-map\n',
        '1\t1\t\n',
      ].join(''),
    );
  });

  it('leaves out how claims were made, and says so: the task’s files have no place for it', () => {
    expect(semEval2023Format.leavesOut).toContain('origin');
    const made = claims.map((c, i) =>
      i % 2
        ? { ...c, origin: { kind: 'search' as const, query: 'experts', regex: false, extent: 'hit' as const } }
        : { ...c, origin: { kind: 'suggestion' as const, source: 'gazetteer' as const, score: 1 } },
    );
    expect(semEval2023Format.serialize(setOf([doc, other], made))).toEqual(
      semEval2023Format.serialize(setOf([doc, other], claims)),
    );
  });

  it('writes one frames line per labelled article, with every exported annotator’s frames', () => {
    expect(content('labels-subtask-2.txt')).toBe('2001\tEconomic,Political,Security_and_defense\n');
    expect(semEval2023Format.serialize(setOf([doc], claims)).map((f) => f.name)).not.toContain('labels-subtask-2.txt');
  });
});

describe('SemEval-2023 round trip', () => {
  const identity = Object.fromEntries(narrativesCodebook.tags.map((t) => [t.id, t.id]));
  const map: TagMap = { toTag: identity, toName: identity };
  const format = createSemEval2023Format({ techniques: map, frames: map });
  const tagIds = narrativesCodebook.tags.map((t) => t.id);
  const withLabels = fc
    .tuple(
      exportSet,
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('Ada', 'Boris'), fc.subarray(tagIds)), { maxLength: 4 }),
    )
    .map(([set, seeds]): ExportSet => {
      const labels = new Map<string, DocumentLabel>();
      for (const [which, annotator, tags] of seeds) {
        const documentId = (set.documents[which % set.documents.length] as { id: string }).id;
        labels.set(`${documentId}|${annotator}`, label(documentId, annotator, tags));
      }
      return { ...set, documentLabels: [...labels.values()] };
    });

  const spanOf = (set: ExportSet, a: Annotation) => {
    const index = new OffsetIndex(set.documents.find((d) => d.id === a.documentId)?.text ?? '');
    return { start: index.toCodePoint(a.target.start), end: index.toCodePoint(a.target.end) };
  };

  it('brings back every tag of every live claim on its span, and each article’s frames', () => {
    fc.assert(
      fc.property(withLabels, (set) => {
        const files = format.serialize(set);
        expect(format.detect(files)).toBe(true);
        const value = parsed(files, format);
        const ids = articleIds(set.documents.map((d) => d.id));
        const name = (id: string) => `article${ids.get(id)}.txt`;
        const expected = set.annotations.flatMap((a) => {
          const { start, end } = spanOf(set, a);
          return a.tags.map((tag) => JSON.stringify([name(a.documentId), start, end, tag]));
        });
        const actual = value.claims.flatMap((c) =>
          c.tags.map((tag) => JSON.stringify([c.documentId, c.selector.start, c.selector.end, tag])),
        );
        expect(actual.sort()).toEqual([...new Set(expected)].sort());
        const frames = new Map<string, Set<string>>();
        for (const l of set.documentLabels ?? []) {
          frames.set(name(l.documentId), new Set([...(frames.get(name(l.documentId)) ?? []), ...l.tags]));
        }
        expect((value.documentLabels ?? []).map((l) => [l.documentId, l.annotator, [...l.tags].sort()]).sort()).toEqual(
          [...frames].map(([id, tags]) => [id, 'labels-subtask-2.txt', [...tags].sort()]).sort(),
        );
        expect(value.skipped).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the paragraph rows back as claims over the paragraphs the claims touched', () => {
    fc.assert(
      fc.property(exportSet, (set) => {
        const rows = format.serialize(set).filter((f) => !f.name.endsWith('-labels-subtask-3.txt'));
        const value = parsed(rows, format);
        const ids = articleIds(set.documents.map((d) => d.id));
        const expected = set.documents.flatMap((d) =>
          [...paragraphs(new OffsetIndex(d.text))].flatMap(([, p]) => {
            const tags = set.annotations
              .filter((a) => a.documentId === d.id)
              .filter((a) => {
                const span = spanOf(set, a);
                return Math.max(span.start, p.start) < Math.min(span.end, p.end);
              })
              .flatMap((a) => a.tags);
            const list = [...new Set(tags)].sort().join('+');
            return list === '' ? [] : [JSON.stringify([`article${ids.get(d.id)}.txt`, p.start, p.end, list])];
          }),
        );
        const actual = value.claims.map((c) =>
          JSON.stringify([c.documentId, c.selector.start, c.selector.end, [...c.tags].sort().join('+')]),
        );
        expect(actual.sort()).toEqual(expected.sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('SemEval-2023 detection', () => {
  it('takes files named for the subtasks with .txt articles, and nothing of the PTC', () => {
    expect(semEval2023Format.detect(fixtures)).toBe(true);
    expect(semEval2023Format.detect([...fixtures, file('dev.template', '')])).toBe(true);
    expect(semEval2023Format.detect(fixtures.filter((f) => /article\d+\.txt$/.test(f.name)))).toBe(false);
    expect(semEval2023Format.detect([...fixtures, file('article1.labels', '')])).toBe(false);
  });
});

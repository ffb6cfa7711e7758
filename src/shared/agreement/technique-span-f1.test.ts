/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { newClaim, textTarget } from '../model/annotation';
import { OffsetIndex } from '../text/offsets';
import {
  claimSpans,
  type SpanScore,
  spanIdentificationScore,
  type TechniqueSpan,
  techniqueScores,
} from './technique-span-f1';

/*
 * The expected figures below are what the official scorers print for the fixtures in
 * src/shared/formats/fixtures/ptc (invented articles: several articles, overlapping spans of one
 * technique and of two, spans that only touch, astral characters, CRLF labels, an article with an
 * empty gold file, one with gold spans and no predictions). The scorers are GPL-licensed and
 * carry no licence text, so they are not vendored; the figures were obtained so:
 *
 * Per technique, the propaganda-techniques-scorer (gitlab.com/joedsm/propaganda-techniques-scorer,
 * which SemEval-2021 Task 6 and SemEval-2023 Task 3 score spans with; the copy in
 * github.com/DAMO-NLP-SG/PeerDA, SemEval/SemEval20/evaluation), scikit-learn stubbed out (the span
 * score does not use it):
 *   python3 task-FLC_scorer.py -s fixtures/ptc/predicted.tsv -r fixtures/ptc/gold \
 *     -p data/propaganda-techniques-names-semeval2020task11.txt
 * Span identification, SemEval-2020 Task 11's tools/task-SI_scorer.py as first committed in
 * github.com/aschern/semeval2020_task11 (84c384d, the organisers' file unchanged; its gold is one file):
 *   python3 task-SI_scorer.py -s fixtures/ptc/predicted-si.tsv -r fixtures/ptc/gold-si.labels -m
 * and each again with an empty submission file. The scorers print precision, recall and overall
 * F1 to 6 decimals (so within 5e-7) and F1 per technique in full.
 */

const fixtures = new Map(
  Object.entries(
    import.meta.glob<string>('../formats/fixtures/ptc/**/*', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, content]) => [path.slice('../formats/fixtures/ptc/'.length), content]),
);

/** Label lines as the scorers read them: rstrip, split at tabs, int() offsets. */
function spans(...names: string[]): TechniqueSpan[] {
  return names.flatMap((name) =>
    (fixtures.get(name) ?? '')
      .split(/\r\n|\n|\r/)
      .map((line) => line.trimEnd())
      .filter((line) => line !== '')
      .map((line) => {
        const [documentId, ...rest] = line.split('\t') as [string, ...string[]];
        const [technique, start, end] = rest.length === 3 ? rest : ['propaganda', ...rest];
        return { documentId, technique: technique as string, start: Number(start), end: Number(end) };
      }),
  );
}

const goldFiles = [...fixtures.keys()].filter((name) => name.startsWith('gold/'));

/** The SemEval-2020 task's 14 techniques, which the FLC scorer reports on whatever the files hold. */
const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
];

const TOLERANCE = 1e-6;
function expectFigures(actual: SpanScore, expected: Partial<SpanScore>) {
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs((actual[key as keyof SpanScore] as number) - value), key).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('technique span F1 equals the official scorers on the same files', () => {
  it('per technique (task FLC): "Precision=8.811045/16=0.550690 Recall=6.773025/14=0.483788 F1=0.515076"', () => {
    const scores = techniqueScores(spans('predicted.tsv'), spans(...goldFiles), TECHNIQUES);
    expectFigures(scores.overall, {
      precisionCredit: 8.811045,
      predicted: 16,
      recallCredit: 6.773025,
      gold: 14,
      precision: 0.55069,
      recall: 0.483788,
      f1: 0.515076,
    });
    // `INFO - <technique>: P=… R=… F1=…`, and F1_<technique>= in full.
    const official: Record<string, [number, number, number]> = {
      Appeal_to_Authority: [0, 0, 1],
      'Appeal_to_fear-prejudice': [0, 0, 1],
      'Bandwagon,Reductio_ad_hitlerum': [0, 0, 0],
      'Black-and-White_Fallacy': [1, 1, 1],
      Causal_Oversimplification: [0, 0, 0],
      Doubt: [0.975, 0.975, 0.975],
      'Exaggeration,Minimisation': [0, 0, 1],
      'Flag-Waving': [0.366667, 0.366667, 0.36666666666666664],
      Loaded_Language: [0.4, 0.666667, 0.5],
      'Name_Calling,Labeling': [0.633333, 0.475, 0.5428571428571427],
      Repetition: [0.727273, 0.727273, 0.7272727272727273],
      Slogans: [0, 0, 0],
      'Thought-terminating_Cliches': [0.842105, 0.842105, 0.8421052631578947],
      'Whataboutism,Straw_Men,Red_Herring': [0, 0, 1],
    };
    expect(Object.keys(scores.byTechnique)).toEqual(Object.keys(official).sort());
    for (const [technique, [precision, recall, f1]] of Object.entries(official)) {
      expectFigures(scores.byTechnique[technique] as SpanScore, { precision, recall, f1 });
    }
  });

  it('per technique with an empty submission: "Precision=0.000000/0 Recall=0.000000/14 F1=0.000000"', () => {
    const scores = techniqueScores([], spans(...goldFiles), TECHNIQUES);
    expectFigures(scores.overall, { predicted: 0, gold: 14, precision: 0, recall: 0, f1: 0 });
    const f1 = Object.fromEntries(Object.entries(scores.byTechnique).map(([t, s]) => [t, s.f1]));
    expect(f1).toEqual({
      Appeal_to_Authority: 1,
      'Appeal_to_fear-prejudice': 1,
      'Bandwagon,Reductio_ad_hitlerum': 0,
      'Black-and-White_Fallacy': 0,
      Causal_Oversimplification: 1,
      Doubt: 0,
      'Exaggeration,Minimisation': 1,
      'Flag-Waving': 0,
      Loaded_Language: 0,
      'Name_Calling,Labeling': 0,
      Repetition: 0,
      Slogans: 1,
      'Thought-terminating_Cliches': 0,
      'Whataboutism,Straw_Men,Red_Herring': 1,
    });
  });

  it('span identification (task SI, -m): "Precision=9.657199/14=0.689800 Recall=7.196102/13=0.553546 F1=0.614207"', () => {
    expectFigures(spanIdentificationScore(spans('predicted-si.tsv'), spans('gold-si.labels')), {
      precisionCredit: 9.657199,
      predicted: 14,
      recallCredit: 7.196102,
      gold: 13,
      precision: 0.6898,
      recall: 0.553546,
      f1: 0.614207,
    });
  });

  it('span identification with an empty submission: "Precision=0.000000/0 Recall=0.000000/13 F1=0.000000"', () => {
    expectFigures(spanIdentificationScore([], spans('gold-si.labels')), { predicted: 0, gold: 13, f1: 0 });
  });
});

const span = (start: number, end: number, technique = 'Doubt', documentId = 'a'): TechniqueSpan => ({
  documentId,
  technique,
  start,
  end,
});

describe('technique span F1', () => {
  it('gives partial credit: |s ∩ t| / |s| for precision and / |t| for recall', () => {
    const score = spanIdentificationScore([span(0, 10)], [span(5, 25)]);
    expect(score).toEqual({
      predicted: 1,
      gold: 1,
      precisionCredit: 0.5,
      recallCredit: 0.25,
      precision: 0.5,
      recall: 0.25,
      f1: 2 * ((0.5 * 0.25) / 0.75),
    });
  });

  it('merges overlapping spans, but not spans that only touch', () => {
    expect(spanIdentificationScore([span(0, 5), span(3, 8)], [span(0, 8)])).toMatchObject({ predicted: 1, f1: 1 });
    expect(spanIdentificationScore([span(0, 4), span(4, 8)], [span(0, 8)])).toMatchObject({
      predicted: 2,
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('ignores techniques for span identification, and keeps them apart per technique', () => {
    const predicted = [span(0, 10, 'Doubt'), span(5, 15, 'Slogans')];
    const gold = [span(0, 15, 'Doubt')];
    expect(spanIdentificationScore(predicted, gold)).toMatchObject({ predicted: 1, gold: 1, f1: 1 });
    const scores = techniqueScores(predicted, gold);
    expect(scores.overall).toMatchObject({ predicted: 2, gold: 1, precision: 0.5 });
    expect(scores.byTechnique.Slogans).toMatchObject({ predicted: 1, gold: 0, precision: 0, f1: 0 });
  });

  it('never matches spans of different documents', () => {
    expect(spanIdentificationScore([span(0, 5, 'Doubt', 'a')], [span(0, 5, 'Doubt', 'b')])).toMatchObject({ f1: 0 });
  });

  it('divides one technique’s precision credit by its gold spans for its recall, as the scorer does', () => {
    const scores = techniqueScores([span(0, 10)], [span(0, 40)]);
    expect(scores.overall).toMatchObject({ precision: 1, recall: 0.25 });
    expect(scores.byTechnique.Doubt).toMatchObject({ precision: 1, recall: 1, recallCredit: 0.25, f1: 1 });
  });

  it('scores 1 where there is nothing on either side, and passes over spans that cover nothing', () => {
    expect(spanIdentificationScore([], [])).toMatchObject({ precision: 0, recall: 0, f1: 1 });
    expect(spanIdentificationScore([span(3, 3), span(5, 4)], [])).toMatchObject({ predicted: 0, f1: 1 });
  });
});

describe('claim spans', () => {
  it('are one span per tag of each live claim, in code points', () => {
    const text = '😀 Minsk 🇧🇾 talks';
    const claim = newClaim({
      id: '01JDA0000000000000000000C1',
      documentId: 'a.txt',
      documentSha256: 'c'.repeat(64),
      target: textTarget(new OffsetIndex(text), 3, 8),
      tagId: 'doubt',
      annotator: 'Ada',
      codebookId: 'persuasion-techniques',
      codebookVersion: 1,
      now: '2026-11-22T10:00:00.000Z',
    });
    const deleted = { ...claim, deletedAt: '2026-11-22T11:00:00.000Z' };
    expect(claimSpans([{ ...claim, tags: ['doubt', 'slogans'] }, deleted])).toEqual([
      { documentId: 'a.txt', technique: 'doubt', start: 2, end: 7 },
      { documentId: 'a.txt', technique: 'slogans', start: 2, end: 7 },
    ]);
  });
});

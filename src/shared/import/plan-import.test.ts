import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { persuasionTechniquesCodebook } from '../codebooks/persuasion-techniques';
import type { ClaimRecord, Interchange } from '../formats/interchange';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import { type ClusterReview, framingKey, type ReviewComment, reviewKey } from '../model/cluster-review';
import { OffsetIndex } from '../text/offsets';
import { type ImportContext, planImport } from './plan-import';

const text = 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything.';
const sha = 'a'.repeat(64);
const quote = 'Russia shows support';
const at = text.indexOf(quote);

let counter = 0;
function context(existing: Annotation[] = [], corpusText = text): ImportContext {
  return {
    source: 'colleague.json',
    fallbackAnnotator: 'imported',
    codebook: narrativesCodebook,
    now: '2026-11-22T12:00:00.000Z',
    newId: () => `01JDB${String(counter++).padStart(21, '0')}`,
    texts: new Map([
      ['doc.txt', { id: 'doc.txt', sha256: corpusText === text ? sha : 'b'.repeat(64), text: corpusText }],
    ]),
    existing: new Map(existing.map((a) => [a.id, a])),
  };
}

function record(overrides: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    id: '01JDA0000000000000000000A1',
    documentId: 'doc.txt',
    documentSha256: sha,
    selector: { unit: 'utf16', start: at, end: at + quote.length, exact: quote },
    tags: ['integration'],
    attributes: { speaker: 'Dzermant' },
    annotator: 'Boris',
    createdAt: '2026-11-20T09:00:00.000Z',
    origin: 'colleague.json $.annotations[0]',
    ...overrides,
  };
}

const file = (...claims: ClaimRecord[]): Interchange => ({ documents: [], claims, tombstones: [], skipped: [] });

describe('planImport', () => {
  it('places a claim and keeps its id, annotator, attributes and times', () => {
    const plan = planImport(file(record()), context());
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]).toMatchObject({
      id: '01JDA0000000000000000000A1',
      annotator: 'Boris',
      attributes: { speaker: 'Dzermant' },
      createdAt: '2026-11-20T09:00:00.000Z',
      target: { start: at, end: at + quote.length, exact: quote },
    });
    expect(plan.add[0]?.anchoring).toBeUndefined();
  });

  it('reports a re-import of the same claim as a duplicate', () => {
    const first = planImport(file(record()), context());
    const again = planImport(file(record()), context(first.add));
    expect(again.add).toEqual([]);
    expect(again.duplicates).toEqual([{ origin: 'colleague.json $.annotations[0]', id: '01JDA0000000000000000000A1' }]);
  });

  it('imports a second claim on the same words that names another speaker, and reports an edited re-import as a conflict', () => {
    const boris = record();
    const other = record({ id: '01JDA0000000000000000000A2', attributes: { speaker: 'Makei' }, origin: 'b.json' });
    expect(planImport(file(boris, other), context()).add.map((c) => c.attributes.speaker)).toEqual([
      'Dzermant',
      'Makei',
    ]);
    const first = planImport(file(boris), context());
    const edited = planImport(
      file(record({ attributes: { speaker: 'Dzermant', note: 'checked' } })),
      context(first.add),
    );
    expect(edited.duplicates).toEqual([]);
    expect(edited.conflicts).toHaveLength(1);
  });

  it('keeps two claims alike in all but their own ids; a claim without an id is one of them', () => {
    const plan = planImport(
      file(
        record({ attributes: {} }),
        record({ id: '01JDA0000000000000000000A2', attributes: {}, origin: 'b' }),
        record({ id: undefined, attributes: {}, origin: 'c' }),
      ),
      context(),
    );
    expect(plan.add.map((a) => a.id)).toEqual(['01JDA0000000000000000000A1', '01JDA0000000000000000000A2']);
    expect(plan.duplicates).toEqual([
      { origin: 'c', id: expect.stringMatching(/^01JDB/), of: 'colleague.json $.annotations[0]' },
    ]);
  });

  it('refuses the second of two different claims with one id in a file, naming both places', () => {
    const plan = planImport(
      file(record(), record({ tags: ['sanctions'], origin: 'colleague.json $.annotations[7]' })),
      context(),
    );
    expect(plan.add).toHaveLength(1);
    expect(plan.conflicts).toEqual([
      {
        path: '“Russia shows support” in doc.txt (colleague.json $.annotations[7])',
        message:
          'the id 01JDA0000000000000000000A1 is already used by another claim of this file (colleague.json $.annotations[0]); this one was not imported',
      },
    ]);
    expect(planImport(file(record(), record({ origin: 'x' })), context()).duplicates).toHaveLength(1);
  });

  it('stops looking for changed words at the deadline: those claims wait, saying why; exact quotes still place', () => {
    const changed = record({
      id: '01JDA0000000000000000000A3',
      selector: { unit: 'utf16', start: 200, end: 220, exact: 'Russia shows supprt' },
      origin: 'colleague.json $.annotations[1]',
    });
    const plan = planImport(file(record(), changed), { ...context(), deadline: 0 });
    expect(plan.add.map((c) => c.target.exact)).toEqual([quote]);
    expect(plan.orphans).toHaveLength(1);
    expect(plan.orphans[0]?.reason).toContain('ran out');
    expect(planImport(file(changed), context()).add).toHaveLength(1);
  });

  it('never overwrites an existing claim that shares the id but differs', () => {
    const mine: Annotation = newClaim({
      id: '01JDA0000000000000000000A1',
      documentId: 'doc.txt',
      documentSha256: sha,
      target: textTarget(new OffsetIndex(text), 0, 5),
      tagId: 'threat-narrative',
      annotator: 'Ada',
      codebookId: 'narratives',
      codebookVersion: 1,
      now: '2026-11-21T00:00:00.000Z',
    });
    const plan = planImport(file(record()), context([mine]));
    expect(plan.add).toEqual([]);
    expect(plan.conflicts[0]?.message).toMatch(/in the database \(by Ada, changed 2026-11-21T00:00:00.000Z\) differs/);
  });

  it('takes the file’s version of a claim it shows to be newer, keeping the stored one for undo', () => {
    const first = planImport(file(record()), context());
    const stored = first.add[0] as Annotation;
    const newer = record({
      attributes: { speaker: 'Dzermant', note: 'checked' },
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
    const plan = planImport(file(newer), context([stored]));
    expect(plan.replace).toEqual([
      { before: stored, after: expect.objectContaining({ attributes: newer.attributes }) },
    ]);
    expect(plan.conflicts).toEqual([]);
    const older = record({ attributes: {}, updatedAt: '2026-01-01T09:00:00.000Z' });
    expect(
      planImport(file(older), context([{ ...stored, updatedAt: '2026-11-30T00:00:00.000Z' }])).conflicts,
    ).toHaveLength(1);
  });

  it('sends an edited text to review when the match is fuzzy, and orphans what cannot be found', () => {
    const edited = text.replace('shows support', 'shows strong support');
    const plan = planImport(
      file(record(), record({ id: undefined, selector: { unit: 'utf16', exact: 'words that are gone' }, origin: 'x' })),
      context([], edited),
    );
    expect(plan.add).toHaveLength(1);
    expect(plan.add[0]?.anchoring).toMatchObject({ method: 'fuzzy', source: 'colleague.json' });
    expect(plan.orphans).toHaveLength(1);
    expect(plan.orphans[0]).toMatchObject({ documentId: 'doc.txt', source: 'colleague.json' });
  });

  it('never places a claim where it would cut an emoji in half, by position or by a fuzzy quote', () => {
    const emoji = 'Minsk 😀 is meeting Moscow 🇧🇾 halfway.';
    const plan = planImport(
      file(
        // A bare position made on another text (its hash differs), landing inside the emoji.
        record({ selector: { unit: 'utf16', start: 7, end: 12 }, origin: 'a' }),
        // A quote that is not in the text, whose closest match ends inside the flag.
        record({ id: undefined, selector: { unit: 'utf16', exact: 'Moscow \uD83C!' }, origin: 'b' }),
      ),
      { ...context([], emoji) },
    );
    expect(plan.add).toEqual([]);
    expect(plan.orphans.map((o) => [o.record.origin, o.reason])).toEqual([
      ['a', 'the span cuts an emoji or other astral character in half'],
      ['b', 'the span cuts an emoji or other astral character in half'],
    ]);
  });

  it('orphans claims on documents that are not in the corpus, naming the document', () => {
    const plan = planImport(file(record({ documentId: 'elsewhere.txt', documentSha256: 'c'.repeat(64) })), context());
    expect(plan.orphans[0]?.reason).toBe('no document "elsewhere.txt" in this corpus');
  });

  it('finds a document the file carries under an id of its own by its text, trusting the position', () => {
    const doccanoLine = {
      documents: [{ id: '7', text }],
      claims: [
        record({
          id: undefined,
          documentId: '7',
          documentSha256: undefined,
          selector: { unit: 'utf16', start: at, end: at + quote.length },
        }),
      ],
      tombstones: [],
      skipped: [],
    } satisfies Interchange;
    const plan = planImport(doccanoLine, context());
    expect(plan.orphans).toEqual([]);
    expect(plan.add.map((a) => [a.documentId, a.documentSha256, a.target.exact, a.anchoring])).toEqual([
      ['doc.txt', sha, quote, undefined],
    ]);
    // Another text under that id stays an orphan.
    const other = { ...doccanoLine, documents: [{ id: '7', text: `${text} More.` }] };
    expect(planImport(other, context()).orphans.map((o) => o.reason)).toEqual(['no document "7" in this corpus']);
  });

  it('finds a renamed document by its hash', () => {
    const plan = planImport(file(record({ documentId: 'renamed.txt' })), context());
    expect(plan.add[0]?.documentId).toBe('doc.txt');
  });

  it('gives claims without a usable id a new one and normalises foreign times', () => {
    const plan = planImport(
      file(record({ id: '17', createdAt: '2026-11-20 09:00:00Z', annotator: undefined })),
      context(),
    );
    expect(plan.add[0]?.id).toMatch(/^01JDB/);
    expect(plan.add[0]?.createdAt).toBe('2026-11-20T09:00:00.000Z');
    expect(plan.add[0]?.annotator).toBe('imported');
  });

  it('skips claims without tags and says why', () => {
    const plan = planImport(file(record({ tags: [] })), context());
    expect(plan.add).toEqual([]);
    expect(plan.skipped[0]).toEqual({
      path: '“Russia shows support” in doc.txt (colleague.json $.annotations[0])',
      message: 'a claim without any tag cannot be imported',
    });
  });

  it('maps tag labels and case variants written by other tools to the codebook ids', () => {
    const plan = planImport(file(record({ tags: ['Threat narrative', 'INTEGRATION', 'custom-tag'] })), context());
    expect(plan.add[0]?.tags).toEqual(['threat-narrative', 'integration', 'custom-tag']);
  });

  it('takes document labels for corpus documents, never replacing an annotator’s own', () => {
    const label = (annotator: string, tags: string[]) => ({
      documentId: 'doc.txt',
      annotator,
      tags,
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    const withLabels: Interchange = {
      ...file(),
      documentLabels: [
        label('Boris', ['Integration']),
        label('Ada', ['threat-narrative']),
        { ...label('Chen', []), documentId: 'x.txt' },
      ],
    };
    const existingLabels = new Map([['doc.txt\u0000Ada', label('Ada', ['integration'])]]);
    const plan = planImport(withLabels, { ...context(), existingLabels });
    expect(plan.documentLabels).toEqual([label('Boris', ['integration'])]);
    expect(plan.conflicts[0]?.message).toMatch(/Ada's document label for "doc.txt" differs/);
    expect(plan.skipped[0]?.message).toMatch(/"x.txt": not in this corpus/);
  });

  it('puts a claim whose file names no codebook in the layer that has its tags', () => {
    const withLayers = { ...context(), layers: [persuasionTechniquesCodebook] };
    const plan = planImport(file(record({ tags: ['Appeal to fear/prejudice'] })), withLayers);
    expect(plan.add.map((c) => [c.codebookId, c.tags])).toEqual([['persuasion-techniques', ['appeal-to-fear']]]);
    // A claim whose tags the codebook coded with has stays with it.
    expect(planImport(file(record()), withLayers).add.map((c) => c.codebookId)).toEqual(['narratives']);
  });
});

describe('planImport of reviews', () => {
  const KEY = `${at}:01JDA0000000000000000000A1,01JDA0000000000000000000A2`;
  const comment = (id: string, time: string, author: string): ReviewComment => ({
    id,
    author,
    at: time,
    text: `${author}'s remark`,
  });
  const c1 = comment('01JDA0000000000000000000K1', '2026-11-20T10:00:00.000Z', 'Ada');
  const c2 = comment('01JDA0000000000000000000K2', '2026-11-21T10:00:00.000Z', 'Boris');
  const rejected = { kind: 'rejected' as const, decidedBy: 'Dana', decidedAt: '2026-11-20T12:00:00.000Z' };
  const reopened = {
    kind: 'reopened' as const,
    decidedBy: 'Ada',
    decidedAt: '2026-11-21T12:00:00.000Z',
    rationale: 'look again',
  };
  const review = (
    comments: ReviewComment[],
    decision?: ClusterReview['decision'],
    documentId = 'doc.txt',
    clusterKey = KEY,
  ): ClusterReview => ({ documentId, clusterKey, ...(decision && { decision }), comments });
  const withReviews = (...reviews: ClusterReview[]): Interchange => ({ ...file(), reviews });
  const stored = (...reviews: ClusterReview[]) => ({
    ...context(),
    existingReviews: new Map(reviews.map((r) => [reviewKey(r), r])),
  });

  it('takes a file’s reviews of corpus documents as they are when the database has none', () => {
    const framing = review([c2], rejected, 'doc.txt', framingKey('narratives'));
    const plan = planImport(withReviews(review([c1], rejected), framing), context());
    expect(plan.reviews).toEqual([review([c1], rejected), framing]);
    expect(plan.skipped).toEqual([]);
  });

  it('merges a file’s review with the one stored for the same disagreement', () => {
    const plan = planImport(withReviews(review([c2], reopened)), stored(review([c1], rejected)));
    expect(plan.reviews).toEqual([review([c1, c2], reopened)]);
    // The stored decision is kept when it is the later one.
    const older = planImport(withReviews(review([c2], rejected)), stored(review([c1], reopened)));
    expect(older.reviews).toEqual([review([c1, c2], reopened)]);
  });

  it('does not put a record again when the file adds nothing to it', () => {
    const same = review([c1, c2], reopened);
    expect(planImport(withReviews(same), stored(same)).reviews).toEqual([]);
    // Nor when the file holds less than the database.
    expect(planImport(withReviews(review([c1], rejected)), stored(same)).reviews).toEqual([]);
    expect(planImport(withReviews(review([c2])), stored(same)).reviews).toEqual([]);
  });

  it('keeps reviews of other disagreements of the same document apart', () => {
    const other = review([c2], undefined, 'doc.txt', `${at}:01JDA0000000000000000000A3`);
    const plan = planImport(withReviews(other), stored(review([c1], rejected)));
    expect(plan.reviews).toEqual([other]);
  });

  it('skips a review of a document not in the corpus, saying which', () => {
    const plan = planImport(withReviews(review([c1], rejected, 'elsewhere.txt'), review([c2])), context());
    expect(plan.reviews).toEqual([review([c2])]);
    expect(plan.skipped).toEqual([
      { path: 'colleague.json', message: 'review of "elsewhere.txt": not in this corpus' },
    ]);
  });

  it('reads a file without reviews as having none', () => {
    expect(planImport(file(record()), stored(review([c1]))).reviews).toEqual([]);
  });

  // Two puts of one record would leave the last one's comments only (Dexie's bulkPut keeps the last).
  it('merges two records of one disagreement in the same file into one', () => {
    const plan = planImport(withReviews(review([c1], rejected), review([c2], reopened)), context());
    expect(plan.reviews).toEqual([review([c1, c2], reopened)]);
  });
});

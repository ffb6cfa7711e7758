/** Claims, tombstones and files for the merge tests and properties. */
import fc from 'fast-check';
import { narrativesCodebook } from '../codebooks/narratives';
import { type LabelledJson, toLabelledJson } from '../formats/labelled-json';
import { type Annotation, newClaim, textTarget } from '../model/annotation';
import type { Codebook } from '../model/codebook';
import { type Tombstone, tombstoneOf } from '../model/tombstone';
import { OffsetIndex } from '../text/offsets';
import type { MergeRecord } from './merge';

export const TEXT = 'Minsk said on Monday that NATO’s activity near the borders is a threat to the Union State.';
const index = new OffsetIndex(TEXT);
export const SHA_1 = '1'.repeat(64);
export const SHA_2 = '2'.repeat(64);

export const at = (minutes: number) => new Date(Date.UTC(2026, 10, 22, 10, minutes)).toISOString();

export interface ClaimOptions {
  quote?: string;
  tags?: string[];
  note?: string;
  updatedAt?: string;
  documentId?: string;
  annotator?: string;
}

export function claim(id: string, options: ClaimOptions = {}): Annotation {
  const quote = options.quote ?? 'NATO’s activity';
  const start = TEXT.indexOf(quote);
  const base = newClaim({
    id,
    documentId: options.documentId ?? 'a.txt',
    documentSha256: SHA_1,
    target: textTarget(index, start, start + quote.length),
    tagId: 'threat-narrative',
    annotator: options.annotator ?? 'Ada',
    codebookId: narrativesCodebook.id,
    codebookVersion: narrativesCodebook.version,
    now: at(0),
  });
  return {
    ...base,
    tags: options.tags ?? base.tags,
    attributes: options.note === undefined ? {} : { note: options.note },
    updatedAt: options.updatedAt ?? base.updatedAt,
  };
}

export const tombstone = (id: string, deletedAt: string, documentId = 'a.txt'): Tombstone =>
  tombstoneOf({ id, documentId, annotator: 'Ada' }, deletedAt);

export interface FileOptions {
  exportedAt?: string;
  annotator?: string;
  codebook?: Codebook;
  documents?: LabelledJson['documents'];
  records?: MergeRecord[];
  app?: { name: string; version: string };
}

/** A canonical labelled JSON file; tombstones may be given in the file's four-field form. */
export function file(options: FileOptions = {}): LabelledJson {
  return toLabelledJson({
    exportedAt: options.exportedAt ?? at(30),
    app: options.app ?? { name: 'Framing Workbench', version: '0.1.0' },
    annotator: options.annotator ?? 'Ada',
    codebook: options.codebook ?? narrativesCodebook,
    documents: options.documents ?? [{ id: 'a.txt', title: 'A', language: 'en', sha256: SHA_1 }],
    annotations: options.records ?? [],
  });
}

// --- Generators ------------------------------------------------------------------------------------

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** ULID-like ids; `fc.constantFrom` over a few of them makes the sides share ids often. */
export const ulidArb = fc
  .string({ unit: fc.constantFrom(...ULID_CHARS), minLength: 25, maxLength: 25 })
  .map((s) => `0${s}`);

/** ISO times over a few minutes, so that equal instants (ties) are common; some without milliseconds. */
export const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.boolean())
  .map(([minute, short]) => (short ? at(minute).replace('.000Z', 'Z') : at(minute)));

const quotes = ['NATO’s activity', 'Minsk said', 'a threat to the Union State', 'near the borders'];
const tagIds = narrativesCodebook.tags.map((t) => t.id);

const liveArb = (id: string) =>
  fc
    .record({
      quote: fc.constantFrom(...quotes),
      tags: fc.uniqueArray(fc.constantFrom(...tagIds.slice(0, 3)), { minLength: 1, maxLength: 2 }),
      note: fc.option(fc.constantFrom('checked', 'unsure', 'Шойгу'), { nil: undefined }),
      updatedAt: timeArb,
      documentId: fc.constantFrom('a.txt', 'news/b.txt'),
    })
    .map((o) => claim(id, o));

const tombstoneArb = (id: string) =>
  fc
    .record({ deletedAt: timeArb, documentId: fc.constantFrom('a.txt', 'news/b.txt') })
    .map((o) => tombstone(id, o.deletedAt, o.documentId));

/** A record for `id`: a claim, or a tombstone in the file's form. */
export const recordArb = (id: string): fc.Arbitrary<MergeRecord> =>
  fc.oneof({ arbitrary: liveArb(id), weight: 3 }, { arbitrary: tombstoneArb(id), weight: 1 });

/** A set of records with unique ids drawn from `ids`. */
export const recordsArb = (ids: readonly string[]): fc.Arbitrary<MergeRecord[]> =>
  fc.subarray([...ids]).chain((chosen) => (chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map(recordArb))));

/** A few ids shared by every side of one test case. */
export const idPoolArb = fc.uniqueArray(ulidArb, { minLength: 1, maxLength: 6 });

/** Two or three independent sets over the same ids. */
export const sidesArb = idPoolArb.chain((ids) =>
  fc.record({ a: recordsArb(ids), b: recordsArb(ids), c: recordsArb(ids), base: recordsArb(ids) }),
);

/**
 * What one machine does to the common ancestor: keeps, edits (later), deletes (later) or drops
 * each record, and adds new ones.
 */
export const editsOf = (base: readonly MergeRecord[], newIds: readonly string[]): fc.Arbitrary<MergeRecord[]> =>
  fc
    .tuple(
      fc.tuple(...base.map(() => fc.constantFrom('keep', 'edit', 'delete', 'drop'))),
      fc.tuple(...base.map(() => fc.integer({ min: 1, max: 30 }))),
      recordsArb(newIds),
      liveArb('X'),
    )
    .map(([actions, later, added, edit]) => {
      const changed = base.flatMap((r, i): MergeRecord[] => {
        const time = new Date(Date.parse(r.deletedAt ?? (r as Annotation).updatedAt) + (later[i] as number) * 60_000);
        switch (actions[i]) {
          case 'keep':
            return [r];
          case 'edit':
            return [{ ...edit, id: r.id, documentId: r.documentId, updatedAt: time.toISOString() }];
          case 'delete':
            return [tombstoneOf(r, time.toISOString())];
          default:
            return [];
        }
      });
      return [...changed, ...added];
    });

/** An ancestor and two machines' changes to it. */
export const historyArb = fc
  .tuple(idPoolArb, fc.uniqueArray(ulidArb, { maxLength: 3 }), fc.uniqueArray(ulidArb, { maxLength: 3 }))
  .map(([pool, newA, newB]) => ({
    pool,
    newA: newA.filter((id) => !pool.includes(id)),
    newB: newB.filter((id) => !pool.includes(id) && !newA.includes(id)),
  }))
  .chain(({ pool, newA, newB }) =>
    recordsArb(pool).chain((base) =>
      fc.record({ base: fc.constant(base), a: editsOf(base, newA), b: editsOf(base, newB) }),
    ),
  );

const documentArb = fc.record({
  id: fc.constantFrom('a.txt', 'news/b.txt', 'ru/статья.txt'),
  title: fc.constantFrom('A', 'B', 'Статья'),
  language: fc.constantFrom('en', 'ru', 'und'),
  sha256: fc.constantFrom(SHA_1, SHA_2),
  text: fc.option(fc.constant('the text'), { nil: undefined }),
});

const codebookArb = fc.record({
  version: fc.integer({ min: 1, max: 3 }),
  name: fc.constantFrom('Narratives', 'Narratives (revised)'),
  id: fc.constantFrom('narratives', 'narratives', 'frames'),
});

/** A labelled JSON file whose claims come from `records`. */
export const fileArb = (records: fc.Arbitrary<MergeRecord[]>): fc.Arbitrary<LabelledJson> =>
  fc
    .record({
      exportedAt: timeArb,
      annotator: fc.constantFrom('Ada', 'Boris', 'Ada, Boris', 'Chen Li'),
      version: fc.constantFrom('0.1.0', '0.2.0'),
      codebook: codebookArb,
      documents: fc.uniqueArray(documentArb, { maxLength: 3, selector: (d) => d.id }),
      records,
    })
    .map((o) =>
      file({
        exportedAt: o.exportedAt,
        annotator: o.annotator,
        app: { name: 'Framing Workbench', version: o.version },
        codebook: { ...narrativesCodebook, ...o.codebook },
        documents: o.documents.map(({ text, ...d }) => (text === undefined ? d : { ...d, text })),
        records: o.records,
      }),
    );

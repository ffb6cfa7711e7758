import fc from 'fast-check';
import { narrativesCodebook } from '../../codebooks/narratives';
import { type Annotation, newClaim, textTarget } from '../../model/annotation';
import { OffsetIndex, splitsSurrogatePair } from '../../text/offsets';
import type { ClaimRecord, ExportDocument, ExportSet, Interchange } from '../interchange';

/**
 * Random but realistic material for round-trip tests of every format: texts mixing Latin and
 * Cyrillic words, emoji, flags, combining marks, CRLF and blank lines; claims over them that
 * overlap freely and carry one or more tags and optional attributes.
 */

const pieces = [
  'NATO',
  'Минск',
  'Союзное государство',
  'integration',
  '😀',
  '🇧🇾',
  '🇷🇺',
  'é',
  'e\u0301',
  'й',
  '𝕸',
  '"quoted"',
  'a,b;c',
  '\t',
  '#',
  '\\',
  '<b>',
  '&amp;',
];
const separators = [' ', ' ', ' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '. ', ', '];

export const corpusText = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

const tagIds = narrativesCodebook.tags.map((t) => t.id);
const iso = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const ulidChars = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = fc
  .string({ unit: fc.constantFrom(...ulidChars), minLength: 26, maxLength: 26 })
  .map((s) => `0${s.slice(1)}`);

interface ClaimSeed {
  from: number;
  length: number;
  tags: string[];
  speaker?: string;
  stance?: 'endorsed' | 'reported' | 'disputed';
  note?: string;
  id: string;
  annotator: string;
  createdAt: string;
}

const claimSeed: fc.Arbitrary<ClaimSeed> = fc.record(
  {
    from: fc.nat(),
    length: fc.integer({ min: 1, max: 60 }),
    tags: fc.uniqueArray(fc.constantFrom(...tagIds), { minLength: 1, maxLength: 3 }),
    speaker: fc.constantFrom('Lavrov', 'Шойгу', 'the article', 'unnamed, "experts"'),
    stance: fc.constantFrom('endorsed', 'reported', 'disputed'),
    note: fc.string({ maxLength: 20 }),
    id: ulid,
    annotator: fc.constantFrom('Ada', 'Борис', 'Chen Li'),
    createdAt: iso,
  },
  { requiredKeys: ['from', 'length', 'tags', 'id', 'annotator', 'createdAt'] },
);

/** A span [start, end) of `text` that splits no surrogate pair and is not only white space. */
function spanOf(text: string, seed: ClaimSeed): { start: number; end: number } | undefined {
  let start = seed.from % text.length;
  let end = Math.min(text.length, start + seed.length);
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : undefined;
}

function claimOn(doc: ExportDocument, index: OffsetIndex, seed: ClaimSeed): Annotation | undefined {
  const span = spanOf(doc.text, seed);
  if (!span) return undefined;
  const claim = newClaim({
    id: seed.id,
    documentId: doc.id,
    documentSha256: doc.sha256,
    target: textTarget(index, span.start, span.end),
    tagId: seed.tags[0] as string,
    annotator: seed.annotator,
    codebookId: narrativesCodebook.id,
    codebookVersion: narrativesCodebook.version,
    now: seed.createdAt,
  });
  const attributes = Object.fromEntries(
    Object.entries({ speaker: seed.speaker, stance: seed.stance, note: seed.note }).filter(([, v]) => v !== undefined),
  );
  return { ...claim, tags: seed.tags, attributes };
}

const documentArb = fc.record({ name: fc.constantFrom('a.txt', 'news/b.txt', 'ru/статья.txt'), text: corpusText });

/** An export of one to three documents with claims on them (ids unique across the set). */
export const exportSet: fc.Arbitrary<ExportSet> = fc
  .record({
    docs: fc.uniqueArray(documentArb, { minLength: 1, maxLength: 3, selector: (d) => d.name }),
    seeds: fc.array(fc.tuple(fc.nat(), claimSeed), { maxLength: 12 }),
  })
  .map(({ docs, seeds }) => {
    const documents: ExportDocument[] = docs.map((d, i) => ({
      id: d.name,
      title: `Document ${i + 1}`,
      language: i % 2 ? 'ru' : 'en',
      sha256: i.toString(16).padStart(64, '0'),
      text: d.text,
    }));
    const indexes = documents.map((d) => new OffsetIndex(d.text));
    const seen = new Set<string>();
    const annotations = seeds.flatMap(([which, seed]) => {
      const i = which % documents.length;
      if (seen.has(seed.id)) return [];
      seen.add(seed.id);
      const claim = claimOn(documents[i] as ExportDocument, indexes[i] as OffsetIndex, seed);
      return claim ? [claim] : [];
    });
    return {
      exportedAt: '2026-11-22T12:00:00.000Z',
      app: { name: 'Framing Workbench', version: '0.1.0' },
      annotator: 'Ada',
      codebook: narrativesCodebook,
      documents,
      annotations,
    };
  });

/** The span of a parsed claim record in UTF-16 code units, given its document's text. */
export function recordSpan(record: ClaimRecord, text: string): { start?: number; end?: number } {
  const { start, end, unit } = record.selector;
  if (unit === 'utf16' || start === undefined || end === undefined) return { start, end };
  const index = new OffsetIndex(text);
  return { start: index.toUtf16(start), end: index.toUtf16(end) };
}

/**
 * What must survive any format's round trip: each live claim comes back on the same document
 * with the same span and tags. Formats that also keep ids, attributes or annotators are checked
 * for those by their own tests.
 */
export function expectSameClaims(set: ExportSet, parsed: Interchange): string[] {
  const problems: string[] = [];
  const texts = new Map(set.documents.map((d) => [d.id, d.text]));
  const key = (doc: string, start: number | undefined, end: number | undefined, tags: readonly string[]) =>
    `${doc}|${start}|${end}|${[...tags].sort().join(',')}`;
  const expected = set.annotations
    .filter((a) => a.deletedAt === undefined)
    .map((a) => key(a.documentId, a.target.start, a.target.end, a.tags))
    .sort();
  const actual = parsed.claims
    .map((r) => {
      const span = recordSpan(r, texts.get(r.documentId) ?? '');
      return key(r.documentId, span.start, span.end, r.tags);
    })
    .sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    problems.push(`claims differ:\nexpected ${JSON.stringify(expected)}\nactual   ${JSON.stringify(actual)}`);
  }
  return problems;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { ExportSet, FileEntry, InterchangeFormat } from '../formats/interchange';
import { formats } from '../formats/registry';
import { exportSet } from '../formats/testing/arbitraries';
import { type Annotation, textTarget } from '../model/annotation';
import type { DocumentSummary } from '../model/document';
import { OffsetIndex, splitsSurrogatePair } from '../text/offsets';
import type { ImportPlan } from './plan-import';
import { runImport } from './run-import';

/**
 * Hostile and broken files through the whole import, for every format: each is imported or
 * refused with a located error, a refusal stores nothing, and nothing throws or hangs.
 */

/**
 * Formats that carry any claim: a codebook file (.qdc) reads none, and the shared tasks' formats
 * only claims of their techniques (their own tests cover those).
 */
const readable = formats.filter(
  (f) => f.parse && !f.leavesOut.includes('claims') && !f.leavesOut.includes('other-tags'),
);

const mutations: fc.Arbitrary<(content: string) => string> = fc.oneof(
  fc.nat().map((n) => (c: string) => c.slice(0, n % (c.length + 1))),
  fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([n, junk]) => (c: string) => {
    const at = n % (c.length + 1);
    return c.slice(0, at) + junk + c.slice(at);
  }),
  fc.constant((c: string) => c.replaceAll('"start"', '"__proto__"')),
  fc.constant((c: string) => c.replaceAll('"id"', '"constructor"')),
  fc.constant((c: string) => c.replace(/"start": ?\d+/g, '"start": -5').replace(/\t\w+ (\d+)/g, '\tthreat -5')),
  fc.constant((c: string) => c.replace(/\d+/g, '99999999999999999999999')),
  fc.constant((c: string) => c.replace(/"end": ?\d+/g, '"end": 0')),
  fc.constant((c: string) => `${'['.repeat(5000)}${c}${']'.repeat(5000)}`),
  fc.constant((c: string) => c.replace(/\d+/g, '1e308')),
);

function deps(documents: DocumentSummary[], texts: Map<string, string>, commits: ImportPlan[]) {
  let n = 0;
  return {
    documents,
    loadText: async (id: string) => ({
      id,
      sha256: documents.find((d) => d.id === id)?.sha256 ?? '',
      text: texts.get(id) ?? '',
    }),
    existing: async () => new Map(),
    existingLabels: async () => new Map(),
    commit: async (plan: ImportPlan) => {
      commits.push(plan);
    },
    fallbackAnnotator: 'imported',
    codebook: narrativesCodebook,
    now: () => '2026-11-22T12:00:00.000Z',
    newId: () => `01JDF${String(n++).padStart(21, '0')}`,
  };
}

const summaries = (set: ExportSet): DocumentSummary[] =>
  set.documents.map((d) => ({
    id: d.id,
    title: d.title,
    language: d.language,
    sha256: d.sha256,
    length: d.text.length,
    bytes: d.text.length,
    format: 'text' as const,
    encoding: 'utf-8',
  }));

/** Writes `set` in `format` and imports it into a corpus of the set's documents. */
async function roundTrip(set: ExportSet, format: InterchangeFormat, edit = (files: FileEntry[]) => files) {
  const commits: ImportPlan[] = [];
  const files = edit(format.serialize(set));
  const reports = await runImport(
    files,
    deps(summaries(set), new Map(set.documents.map((d) => [d.id, d.text])), commits),
  );
  return { reports, commits, added: commits.flatMap((plan) => plan.add) };
}

const ID_A = '01JDFZZZZZZZZZZZZZZZZZZZZA';
const ID_B = '01JDFZZZZZZZZZZZZZZZZZZZZB';

/** An export with at least one claim. */
const withClaim = exportSet.filter((set) => set.annotations.length > 0);

/** A claim on [start, end) of the set's first document, by Ada. */
function claimAt(set: ExportSet, id: string, start: number, end: number): Annotation {
  const doc = set.documents[0] as ExportSet['documents'][number];
  return {
    id,
    documentId: doc.id,
    documentSha256: doc.sha256,
    target: textTarget(new OffsetIndex(doc.text), start, end),
    tags: ['threat-narrative'],
    attributes: {},
    annotator: 'Ada',
    codebookId: narrativesCodebook.id,
    codebookVersion: narrativesCodebook.version,
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
  };
}

/** Low surrogates of astral characters in the set's first document: each offset cuts one in half. */
function cuts(set: ExportSet): number[] {
  const text = set.documents[0]?.text ?? '';
  return Array.from({ length: text.length }, (_, i) => i).filter((i) => splitsSurrogatePair(text, i));
}

describe('import keeps what differs and refuses what no claim can be, in every format', () => {
  it('keeps both of two claims on the same span that differ in their attributes', async () => {
    await fc.assert(
      fc.asyncProperty(withClaim, fc.constantFrom(...readable), async (set, format) => {
        const first = set.annotations[0] as Annotation;
        const twin = {
          ...first,
          id: ID_A,
          attributes: { ...first.attributes, speaker: 'someone else entirely', stance: 'disputed' as const },
        };
        const { reports, added } = await roundTrip({ ...set, annotations: [...set.annotations, twin] }, format);
        expect(reports.map((r) => r.status)).toEqual(['imported']);
        const ids = added.map((a) => a.id);
        expect(ids).toContain(first.id);
        expect(ids).toContain(ID_A);
        expect(added.length).toBe(set.annotations.length + 1);
      }),
      { numRuns: 150 },
    );
  });

  it('never places a span that cuts an emoji or other astral character in half', async () => {
    await fc.assert(
      fc.asyncProperty(
        exportSet.filter((set) => cuts(set).length > 0),
        fc.constantFrom(...readable),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (set, format, pick, length, cutEnd) => {
          const text = set.documents[0]?.text ?? '';
          const at = cuts(set)[pick % cuts(set).length] as number;
          // Cut at the start, or at the end of a span that ends inside the character.
          const [start, end] = cutEnd ? [Math.max(0, at - length), at] : [at, Math.min(text.length, at + length)];
          fc.pre(end > start);
          const cutting = claimAt(set, ID_B, start, end);
          for (const includeTexts of [false, true]) {
            const { reports, commits, added } = await roundTrip(
              { ...set, annotations: [...set.annotations, cutting], includeTexts },
              format,
            );
            expect(added.map((a) => a.id)).not.toContain(ID_B);
            for (const claim of added) {
              const served = set.documents.find((d) => d.id === claim.documentId)?.text ?? '';
              expect(splitsSurrogatePair(served, claim.target.start)).toBe(false);
              expect(splitsSurrogatePair(served, claim.target.end)).toBe(false);
            }
            // Refused with located reasons, or imported with the claim orphaned or skipped, and said.
            const refused = reports.filter((r) => r.status === 'refused');
            for (const r of refused) expect(r.errors.every((e) => e.path !== '' && e.message !== '')).toBe(true);
            const told = commits.flatMap((plan) => [...plan.orphans, ...plan.skipped]);
            expect(refused.length > 0 || told.length > 0).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('skips a discontinuous brat span with its line, never widening it over the gap', async () => {
    const brat = formats.find((f) => f.id === 'brat') as InterchangeFormat;
    await fc.assert(
      fc.asyncProperty(exportSet, fc.nat(), fc.nat(), fc.nat(), async (set, a, b, c) => {
        const doc = set.documents[0] as ExportSet['documents'][number];
        const index = new OffsetIndex(doc.text);
        // Two fragments in code points, [p, q) and [r, n), with more than line breaks between them.
        const n = index.codePointLength;
        const p = a % n;
        const q = p + 1 + (b % Math.max(1, n - p - 1));
        const r = q + 1 + (c % Math.max(1, n - q));
        fc.pre(r < n && q < r);
        const gap = doc.text.slice(index.toUtf16(q), index.toUtf16(r));
        // The generated texts break lines with \n and \r\n only.
        fc.pre(gap.replace(/[\r\n]/g, '') !== '');
        const base = doc.id.endsWith('.txt') ? doc.id.slice(0, -'.txt'.length) : doc.id;
        let line = 0;
        const { reports, commits, added } = await roundTrip(set, brat, (files) =>
          files.map((f) => {
            if (f.name !== `${base}.ann`) return f;
            line = f.content.split('\n').length;
            return { ...f, content: `${f.content}T999\tgap-tag ${p} ${q};${r} ${n}\t\n` };
          }),
        );
        expect(reports.map((r) => r.status)).toEqual(['imported']);
        expect(added.filter((claim) => claim.tags.includes('gap-tag'))).toEqual([]);
        expect(commits[0]?.skipped).toContainEqual({
          path: `${base}.ann:${line}`,
          message: `discontinuous span ${p} ${q};${r} ${n}: Framing Workbench claims are one range`,
        });
      }),
      { numRuns: 150 },
    );
  });

  it('imports one of two different claims a file gives one id, and reports the other as a conflict', async () => {
    await fc.assert(
      fc.asyncProperty(withClaim, fc.constantFrom(...readable), async (set, format) => {
        const first = set.annotations[0] as Annotation;
        const doc = set.documents.find((d) => d.id === first.documentId) as ExportSet['documents'][number];
        // The same id on other words of the same document, with another tag.
        const words = doc.text.split(/(\s+)/);
        const other = first.target.start === 0 ? words.at(-1) : words[0];
        fc.pre(other !== undefined && other.trim() !== '' && other !== first.target.exact);
        const start = first.target.start === 0 ? doc.text.lastIndexOf(other as string) : 0;
        const index = new OffsetIndex(doc.text);
        const clash: Annotation = {
          ...first,
          target: textTarget(index, start, start + (other as string).length),
          tags: ['sanctions-pressure'],
        };
        fc.pre(clash.target.start !== first.target.start || clash.target.end !== first.target.end);
        const { reports, commits, added } = await roundTrip(
          { ...set, annotations: [...set.annotations, clash] },
          format,
        );
        expect(reports.map((r) => r.status)).toEqual(['imported']);
        expect(added.filter((a) => a.id === first.id)).toHaveLength(1);
        const conflicts = commits.flatMap((plan) => plan.conflicts);
        expect(conflicts.filter((c) => c.message.includes(`the id ${first.id} is already used`))).toHaveLength(1);
      }),
      { numRuns: 150 },
    );
  });
});

describe('import of broken and hostile files', () => {
  it('imports or refuses every mutated file, never storing part of a refused one', async () => {
    await fc.assert(
      fc.asyncProperty(exportSet, fc.constantFrom(...readable), mutations, async (set, format, mutate) => {
        const files: FileEntry[] = format.serialize(set).map((f) => ({ ...f, content: mutate(f.content) }));
        // WebAnno TSV writes no file for a document without claims whose text has no token
        // (whitespace only): then there is nothing to mutate or import.
        fc.pre(files.length > 0);
        const documents = set.documents.map((d) => ({
          id: d.id,
          title: d.title,
          language: d.language,
          sha256: d.sha256,
          length: d.text.length,
          bytes: d.text.length,
          format: 'text' as const,
          encoding: 'utf-8',
        }));
        const commits: ImportPlan[] = [];
        const reports = await runImport(
          files,
          deps(documents, new Map(set.documents.map((d) => [d.id, d.text])), commits),
        );
        expect(reports.length).toBeGreaterThan(0);
        for (const report of reports) {
          if (report.status === 'refused') {
            expect(report.errors.length).toBeGreaterThan(0);
            for (const error of report.errors) expect(error.message.length).toBeGreaterThan(0);
          }
        }
        expect(commits.length).toBe(reports.filter((r) => r.status === 'imported').length);
        for (const plan of commits) {
          for (const claim of plan.add) {
            const text = set.documents.find((d) => d.id === claim.documentId)?.text ?? '';
            expect(text.slice(claim.target.start, claim.target.end)).toBe(claim.target.exact);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('handles a file with a 100 MB string without hanging, and a 1,000-level nesting with a message', async () => {
    const huge = JSON.stringify({
      format: 'framing-workbench/labelled-json',
      formatVersion: 1,
      note: 'x'.repeat(100 * 1024 * 1024),
    });
    const deep = `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`;
    const commits: ImportPlan[] = [];
    const reports = await runImport(
      [
        { name: 'huge.json', content: huge },
        { name: 'deep.json', content: deep },
      ],
      deps([], new Map(), commits),
    );
    expect(reports.map((r) => r.status)).toEqual(['refused', 'refused']);
    expect(commits).toEqual([]);
  }, 60_000);
});

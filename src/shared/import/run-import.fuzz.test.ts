import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { FileEntry } from '../formats/interchange';
import { formats } from '../formats/registry';
import { exportSet } from '../formats/testing/arbitraries';
import type { DocumentSummary } from '../model/document';
import type { ImportPlan } from './plan-import';
import { runImport } from './run-import';

/**
 * Hostile and broken files through the whole import, for every format: each is imported or
 * refused with a located error, a refusal stores nothing, and nothing throws or hangs.
 */

const readable = formats.filter((f) => f.parse);

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

describe('import of broken and hostile files', () => {
  it('imports or refuses every mutated file, never storing part of a refused one', async () => {
    await fc.assert(
      fc.asyncProperty(exportSet, fc.constantFrom(...readable), mutations, async (set, format, mutate) => {
        const files: FileEntry[] = format.serialize(set).map((f) => ({ ...f, content: mutate(f.content) }));
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

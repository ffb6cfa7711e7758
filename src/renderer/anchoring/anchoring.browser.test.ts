import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import type { ClaimRecord, Interchange } from '../../shared/formats/interchange';
import { type ImportContext, type ImportPlan, planImport } from '../../shared/import/plan-import';
import { planImportInWorker, reanchorInWorker } from './index';

const WORDS = ['officials', 'said', 'the', 'border', 'ministry', 'report', 'security', 'talks', 'army', 'trade'];
const ABSENT = ['zorblat', 'quennic', 'vashtor', 'plimble', 'grottan', 'yexil'];

/** A long article, and claims of a colleague's file whose words are nowhere in it. */
function heavyImport(claims: number): { file: Interchange; context: ImportContext } {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words: string[] = [];
  for (let length = 0; length < 400_000; ) {
    const word = WORDS[Math.floor(next() * WORDS.length)] ?? '';
    words.push(word);
    length += word.length + 1;
  }
  const text = words.join(' ');
  const records: ClaimRecord[] = Array.from({ length: claims }, (_, i) => ({
    id: `01JDF${String(i).padStart(21, '0')}`,
    documentId: 'long.txt',
    selector: {
      unit: 'utf16',
      start: i,
      end: i + 20,
      exact: Array.from({ length: 4 + (i % 6) }, () => ABSENT[Math.floor(next() * ABSENT.length)]).join(' '),
    },
    tags: ['threat-narrative'],
    attributes: {},
    origin: `colleague.json $.annotations[${i}]`,
  }));
  return {
    file: { documents: [], claims: records, tombstones: [], skipped: [] },
    context: {
      source: 'colleague.json',
      fallbackAnnotator: 'imported',
      codebook: narrativesCodebook,
      now: '2026-12-05T00:00:00.000Z',
      newId: () => '01JDF999999999999999999999',
      texts: new Map([['long.txt', { id: 'long.txt', sha256: 'f'.repeat(64), text }]]),
      existing: new Map(),
    },
  };
}

/** A plan with its orphans' new ids left out: each run draws fresh ones. */
const withoutNewIds = (plan: ImportPlan) => ({ ...plan, orphans: plan.orphans.map(({ id: _, ...orphan }) => orphan) });

describe('placing claims in the anchoring worker', () => {
  it('plans what planImport plans, telling progress while the window keeps running', async () => {
    const { file, context } = heavyImport(40);
    const told: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const plan = await planImportInWorker(file, { ...context, onProgress: (done) => told.push(done) });
    clearInterval(timer);
    expect(withoutNewIds(plan)).toEqual(withoutNewIds(planImport(file, context)));
    expect(plan.orphans).toHaveLength(40);
    expect(told.at(-1)).toBe(40);
    // The window's own timer ran while the worker searched (on this thread it could not have).
    expect(ticks).toBeGreaterThan(2);
  });

  it('stops at once when cancelled, and the promise says so', async () => {
    const { file, context } = heavyImport(2_000);
    const controller = new AbortController();
    const planned = planImportInWorker(
      file,
      {
        ...context,
        onProgress: (done) => {
          if (done > 0) controller.abort();
        },
      },
      { signal: controller.signal },
    );
    await expect(planned).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('places the claims here when the worker cannot load, with the same outcome', async () => {
    const { file, context } = heavyImport(3);
    const plan = await planImportInWorker(file, context, { startWorker: () => new Worker('/no-such-worker.js') });
    expect(withoutNewIds(plan)).toEqual(withoutNewIds(planImport(file, context)));
  });

  it('finds claims again in a changed text', async () => {
    const text = 'Minsk is meeting Moscow halfway. Russia shows support.';
    const claim = {
      id: '01JDF000000000000000000001',
      documentId: 'minsk.txt',
      documentSha256: 'a'.repeat(64),
      target: {
        start: 0,
        end: 20,
        codePointStart: 0,
        codePointEnd: 20,
        exact: 'Russia shows support',
        prefix: '',
        suffix: '',
      },
      tags: ['integration'],
      annotator: 'Ada',
      codebookId: 'narratives',
      codebookVersion: 1,
      attributes: {},
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    const found = await reanchorInWorker([claim], { id: 'minsk.txt', sha256: 'b'.repeat(64), text });
    expect(found.updated.map((c) => [c.target.start, c.target.exact, c.documentSha256])).toEqual([
      [33, 'Russia shows support', 'b'.repeat(64)],
    ]);
  });
});

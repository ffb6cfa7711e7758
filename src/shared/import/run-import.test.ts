import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import type { DocumentSummary } from '../model/document';
import type { ImportPlan } from './plan-import';
import { runImport } from './run-import';

const texts = new Map([
  ['news/minsk.txt', 'Minsk is meeting Moscow halfway. Russia shows support in virtually everything.'],
  ['news/other.txt', 'A text of another length altogether, about something else.'],
  ['news/same-length.txt', 'Minsk is meeting Moscow halfway. Russia shows support in virtually everythin_.'],
]);
const sha = (id: string) => [...texts.keys()].indexOf(id).toString(16).padStart(64, '0');
const documents: DocumentSummary[] = [...texts].map(([id, text]) => ({
  id,
  title: id,
  language: 'en',
  sha256: sha(id),
  length: text.length,
  bytes: text.length,
  format: 'text',
  encoding: 'utf-8',
}));

function deps(loaded: string[], commits: ImportPlan[]) {
  let n = 0;
  return {
    documents,
    loadText: async (id: string) => {
      loaded.push(id);
      return { id, sha256: sha(id), text: texts.get(id) ?? '' };
    },
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

describe('runImport', () => {
  it('places a doccano line on the corpus document with the same text, whatever doccano called it', async () => {
    const line = {
      id: 4711,
      text: texts.get('news/minsk.txt'),
      label: [[33, 53, 'integration']],
    };
    const loaded: string[] = [];
    const commits: ImportPlan[] = [];
    const [report] = await runImport(
      [{ name: 'admin.jsonl', content: `${JSON.stringify(line)}\n` }],
      deps(loaded, commits),
    );
    expect(report).toMatchObject({ status: 'imported', added: 1, review: 0, orphans: 0 });
    expect(commits[0]?.add.map((a) => [a.documentId, a.documentSha256, a.target.exact])).toEqual([
      ['news/minsk.txt', sha('news/minsk.txt'), 'Russia shows support'],
    ]);
    // Only documents of the line's length were read to compare.
    expect(loaded.sort()).toEqual(['news/minsk.txt', 'news/same-length.txt']);
  });

  it('finds a doccano claim by its words when the line has another version of the document', async () => {
    // The line was labelled before "Minsk is meeting Moscow halfway. " was cut from the article.
    const line = {
      id: 'news/minsk.txt',
      text: `Old lead. ${texts.get('news/minsk.txt')}`,
      label: [[43, 63, 'integration']],
    };
    const commits: ImportPlan[] = [];
    const [report] = await runImport([{ name: 'old.jsonl', content: `${JSON.stringify(line)}\n` }], deps([], commits));
    expect(report).toMatchObject({ status: 'imported', added: 1, review: 0, orphans: 0 });
    expect(commits[0]?.add.map((a) => [a.target.start, a.target.exact])).toEqual([[33, 'Russia shows support']]);
  });

  it('tells each file’s progress, and after a cancel stores nothing of that file or the ones after it', async () => {
    const line = (id: string) => `${JSON.stringify({ id, text: texts.get(id), label: [[0, 5, 'integration']] })}\n`;
    const files = [
      { name: 'first.jsonl', content: line('news/minsk.txt') },
      { name: 'second.jsonl', content: line('news/other.txt') },
      { name: 'third.jsonl', content: line('news/minsk.txt') },
    ];
    const commits: ImportPlan[] = [];
    const controller = new AbortController();
    const told: string[] = [];
    const reports = await runImport(files, {
      ...deps([], commits),
      signal: controller.signal,
      onProgress: ({ source, file, files, done, total }) => {
        told.push(`${source} ${file}/${files} ${done}/${total}`);
        if (source === 'second.jsonl' && total > 0) controller.abort();
      },
    });
    expect(told).toEqual([
      'first.jsonl 1/3 0/0',
      'first.jsonl 1/3 0/1',
      'second.jsonl 2/3 0/0',
      'second.jsonl 2/3 0/1',
    ]);
    expect(reports.map((r) => [r.source, r.status, r.errors[0]?.message])).toEqual([
      ['first.jsonl', 'imported', undefined],
      ['second.jsonl', 'refused', 'the import was cancelled: nothing of this file was stored'],
      ['third.jsonl', 'refused', 'the import was cancelled: nothing of this file was stored'],
    ]);
    expect(commits).toHaveLength(1);
  });
});

import { narrativesCodebook } from '../src/shared/codebooks/narratives';
import { persuasionTechniquesCodebook } from '../src/shared/codebooks/persuasion-techniques';
import type { ExportSet, FileEntry } from '../src/shared/formats/interchange';
import { ptcFormat } from '../src/shared/formats/ptc';
import { qdpxFormat } from '../src/shared/formats/qdpx';
import { zipArchive, zipEntries } from '../src/shared/formats/zip-entries';
import { planImport } from '../src/shared/import/plan-import';
import { type Annotation, textTarget } from '../src/shared/model/annotation';
import type { Codebook } from '../src/shared/model/codebook';
import { OffsetIndex } from '../src/shared/text/offsets';
import { claimSpans, newsArticle, seeded, seededSha, seededUlid } from './data';
import { type Measurement, measure } from './measure';

const DOCUMENTS = 100;
const CLAIMS = 10_000;

/** `count` news articles with `perDocument` claims each, by three annotators, as the app would export them. */
function project(count: number, perDocument: number, codebook: Codebook = narrativesCodebook): ExportSet {
  const random = seeded(19);
  const tags = codebook.tags.map((t) => t.id);
  const documents = Array.from({ length: count }, (_, i) => ({
    id: `news/article-${String(i).padStart(3, '0')}.txt`,
    title: `Article ${i}`,
    language: 'en',
    sha256: seededSha(random),
    // Windows line endings and an emoji in every other article: the offsets REFI-QDA tools disagree on.
    text: (i % 2 ? newsArticle(random, 20_000).replace(/\n/g, '\r\n') : newsArticle(random, 20_000)).replace(
      'Subscribe',
      'Subscribe 📣',
    ),
  }));
  const annotations: Annotation[] = documents.flatMap((doc, d) => {
    const index = new OffsetIndex(doc.text);
    return claimSpans(random, doc.text, perDocument).map((span, k) => ({
      id: seededUlid(random, 1_764_000_000_000 + d * 1000 + k),
      documentId: doc.id,
      documentSha256: doc.sha256,
      target: textTarget(index, span.start, span.end),
      tags: [tags[k % tags.length] as string],
      attributes: k % 5 === 0 ? { note: 'Quoted from the minister', speaker: 'Makei', stance: 'reported' } : {},
      annotator: ['Ada', 'Boris', 'Chen'][k % 3] as string,
      codebookId: codebook.id,
      codebookVersion: 1,
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    }));
  });
  return {
    exportedAt: '2026-12-05T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: 'bench' },
    annotator: 'Ada',
    codebook,
    documents,
    annotations,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The files of a zip as an import reads them: the least any import of it must do. */
const readZip = (bytes: Uint8Array): FileEntry[] => {
  const entries = zipEntries('project.qdpx', bytes);
  if (!entries.ok) throw new Error(JSON.stringify(entries.error));
  return entries.value.map((e) => ({ name: e.name, content: utf8.decode(e.bytes) }));
};

/** Item 9: a 10,000-claim REFI-QDA project imported and exported, and 300 PTC articles imported. */
export async function interchangeBenchmarks(runs: number): Promise<Measurement[]> {
  const set = project(DOCUMENTS, CLAIMS / DOCUMENTS);
  const files = qdpxFormat.serialize(set);
  const bytes = zipArchive(files);
  const texts = new Map(set.documents.map((d) => [d.id, { id: d.id, sha256: d.sha256, text: d.text }]));
  let n = 0;
  const results: Measurement[] = [];
  results.push(
    await measure('9a', 'import a REFI-QDA project of 10,000 claims in 100 articles', runs, {
      subject: async () => {
        const parsed = qdpxFormat.parse?.(readZip(bytes));
        if (!parsed?.ok) throw new Error('the project did not parse');
        const plan = planImport(parsed.value, {
          source: 'bench.qdpx',
          fallbackAnnotator: 'imported',
          codebook: narrativesCodebook,
          now: '2026-12-05T12:00:00.000Z',
          newId: () => `01JDH${String(n++).padStart(21, '0')}`,
          texts,
          existing: new Map(),
        });
        if (plan.add.length !== CLAIMS) throw new Error(`${plan.add.length} of ${CLAIMS} claims placed`);
        return plan;
      },
      baseline: async () => readZip(bytes),
      baselineName: 'unzip and decode its files',
    }),
  );
  results.push(
    await measure('9b', 'export the same project as a .qdpx', runs, {
      subject: async () => zipArchive(qdpxFormat.serialize(set)),
      baseline: async () => zipArchive(files),
      baselineName: 'zip the same files, already written',
    }),
  );
  // PTC: 300 articles (the size of the task's sample) with 16 technique spans each, as files.
  const articles = project(300, 16, persuasionTechniquesCodebook);
  const ptcFiles = ptcFormat.serialize(articles);
  const articleTexts = new Map(
    ptcFiles.filter((f) => f.name.endsWith('.txt')).map((f) => [f.name, { id: f.name, sha256: '', text: f.content }]),
  );
  results.push(
    await measure('9c', 'import 300 PTC articles with 4,800 technique spans', runs, {
      subject: async () => {
        const parsed = ptcFormat.parse?.(ptcFiles);
        if (!parsed?.ok) throw new Error('the articles did not parse');
        const plan = planImport(parsed.value, {
          source: 'ptc',
          fallbackAnnotator: 'imported',
          codebook: persuasionTechniquesCodebook,
          now: '2026-12-05T12:00:00.000Z',
          newId: () => `01JDH${String(n++).padStart(21, '0')}`,
          texts: articleTexts,
          existing: new Map(),
        });
        if (plan.add.length === 0) throw new Error('no technique span placed');
        return plan;
      },
      // Each file split into its lines and fields: the least a reader of the task's files does.
      baseline: async () => ptcFiles.map((f) => f.content.split('\n').map((line) => line.split('\t'))),
      baselineName: 'split the same files into lines and fields',
    }),
  );
  return results;
}

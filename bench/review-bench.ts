import { agreementReport } from '../src/shared/agreement/report';
import { narrativesCodebook } from '../src/shared/codebooks/narratives';
import { toLabelledJson } from '../src/shared/formats/labelled-json';
import { mergeLabelledJson } from '../src/shared/merge/merge';
import type { Annotation } from '../src/shared/model/annotation';
import { seeded } from './data';
import { type Measurement, measure } from './measure';

const TAGS = narrativesCodebook.tags.map((t) => t.id);
const DOCUMENT_LENGTH = 20_000;

/** `annotators` × `perAnnotator` claims over 100 documents; annotators agree on most spans. */
function claims(annotators: number, perAnnotator: number): Annotation[] {
  const random = seeded(7);
  const out: Annotation[] = [];
  const base = Array.from({ length: perAnnotator }, () => ({
    doc: Math.floor(random() * 100),
    start: Math.floor(random() * (DOCUMENT_LENGTH - 200)),
    length: 10 + Math.floor(random() * 150),
    tag: TAGS[Math.floor(random() * TAGS.length)] as string,
  }));
  for (let a = 0; a < annotators; a++) {
    base.forEach((b, i) => {
      const shift = random() < 0.2 ? Math.floor(random() * 20) : 0;
      const start = b.start + shift;
      const id = `01JDG${String(a).padStart(3, '0')}${String(i).padStart(18, '0')}`;
      out.push({
        id,
        documentId: `doc-${b.doc}.txt`,
        documentSha256: '0'.repeat(64),
        target: {
          start,
          end: start + b.length,
          codePointStart: start,
          codePointEnd: start + b.length,
          exact: 'x'.repeat(b.length),
          prefix: '',
          suffix: '',
        },
        tags: [random() < 0.1 ? (TAGS[(TAGS.indexOf(b.tag) + 1) % TAGS.length] as string) : b.tag],
        attributes: {},
        annotator: `annotator-${a}`,
        codebookId: 'narratives',
        codebookVersion: 1,
        createdAt: '2026-11-22T10:00:00.000Z',
        updatedAt: '2026-11-22T10:00:00.000Z',
      });
    });
  }
  return out;
}

/** Item 7: agreement and merge over 10 annotators × 10,000 claims. */
export async function reviewBenchmarks(): Promise<Measurement[]> {
  const annotations = claims(10, 10_000);
  const documentLengths = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`doc-${i}.txt`, DOCUMENT_LENGTH]));
  const results: Measurement[] = [];
  results.push(
    await measure('7a', 'agreement over 10 annotators × 10,000 claims', 3, {
      subject: async () => agreementReport({ annotations, documentLengths }),
      // Every annotator's claims grouped by document and tag once: the least any agreement must do.
      baseline: async () => {
        const groups = new Map<string, number>();
        for (const a of annotations) {
          const key = `${a.annotator}|${a.documentId}|${a.tags[0]}`;
          groups.set(key, (groups.get(key) ?? 0) + 1);
        }
        return groups;
      },
      baselineName: 'group the claims by annotator, document and tag',
    }),
  );
  const file = (mine: Annotation[], exportedAt: string) =>
    toLabelledJson({
      exportedAt,
      app: { name: 'Framing Workbench', version: 'bench' },
      annotator: 'bench',
      codebook: narrativesCodebook,
      documents: [],
      annotations: mine,
    });
  const half = annotations.length / 2;
  const a = file(annotations.slice(0, half + 10_000), '2026-11-22T10:00:00.000Z');
  const b = file(annotations.slice(half - 10_000), '2026-11-22T11:00:00.000Z');
  results.push(
    await measure('7b', 'merge two files of 60,000 claims (20,000 shared)', 3, {
      subject: async () => mergeLabelledJson(a, b),
      baseline: async () => new Map([...a.annotations, ...b.annotations].map((x) => [x.id, x])),
      baselineName: 'a union by id in a Map',
    }),
  );
  return results;
}

import { createHash } from 'node:crypto';
import type { Corpus } from '../main/services/corpus';
import { narrativesCodebook } from '../shared/codebooks/narratives';
import type { ExportDocument, FileEntry, Interchange, InterchangeFormat } from '../shared/formats/interchange';
import { type CorpusText, type ImportPlan, planImport } from '../shared/import/plan-import';
import { textLengths } from '../shared/import/run-import';
import type { Codebook } from '../shared/model/codebook';
import type { Problem } from '../shared/result';

export interface Conversion {
  files: FileEntry[];
  /** Claims that could not be placed, and items the input format could not carry over. */
  warnings: Problem[];
  /** Claims of the input left out because another claim of it says the same (written once). */
  duplicates: Problem[];
  /** Claims of the input left out because another claim of it holds their id. */
  conflicts: Problem[];
  /** Claims written. */
  claims: number;
  /** Claims the input holds. */
  read: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Anchored {
  plan: ImportPlan;
  codebook: Codebook;
  /** The texts the claims were placed in (from the file, else the corpus), with their details. */
  documents: ExportDocument[];
}

/**
 * Places a file's claims in their texts exactly as an import would: texts come from the file
 * where it has them, otherwise from the corpus.
 */
export async function anchorInput(
  input: Interchange,
  corpus: Corpus | undefined,
  context: { now: string; newId: () => string; fallbackAnnotator: string },
): Promise<Anchored> {
  const texts = new Map<string, CorpusText & { title: string; language: string }>();
  const wanted = new Set([
    ...input.claims.map((c) => c.documentId),
    ...(input.documentLabels ?? []).map((l) => l.documentId),
  ]);
  const hashes = new Set(input.claims.flatMap((c) => (c.documentSha256 ? [c.documentSha256] : [])));
  const listed = corpus?.listing().documents ?? [];
  const lengths = textLengths(input, listed);
  for (const doc of listed) {
    if (!corpus || !(wanted.has(doc.id) || hashes.has(doc.sha256) || lengths.has(doc.length))) continue;
    const full = await corpus.document(doc.id);
    texts.set(doc.id, { id: doc.id, sha256: full.sha256, text: full.text, title: doc.title, language: doc.language });
  }
  const corpusTexts = new Set([...texts.values()].map((d) => d.text));
  for (const doc of input.documents) {
    // A text the corpus has is placed there (planImport finds it by its text), not under the file's id.
    if (doc.text === undefined || texts.has(doc.id) || corpusTexts.has(doc.text)) continue;
    texts.set(doc.id, {
      id: doc.id,
      sha256: doc.sha256 ?? sha256(doc.text),
      text: doc.text,
      title: doc.title ?? doc.id,
      language: doc.language ?? 'und',
    });
  }
  const codebook = input.codebook ?? narrativesCodebook;
  const plan = planImport(input, {
    source: 'input',
    fallbackAnnotator: context.fallbackAnnotator,
    codebook,
    now: context.now,
    newId: context.newId,
    texts,
    existing: new Map(),
  });
  const used = new Set([...plan.add.map((a) => a.documentId), ...plan.documentLabels.map((l) => l.documentId)]);
  const documents = [...texts.values()]
    .filter((d) => used.has(d.id))
    .map(({ id, title, language, sha256, text }) => ({ id, title, language, sha256, text }));
  return { plan, codebook, documents };
}

/** Converts parsed claims to another format, anchoring them first. */
export async function convert(
  input: Interchange,
  to: InterchangeFormat,
  corpus: Corpus | undefined,
  now: string,
  newId: () => string,
): Promise<Conversion> {
  const { plan, codebook, documents } = await anchorInput(input, corpus, { now, newId, fallbackAnnotator: 'unknown' });
  const files = to.serialize({
    exportedAt: now,
    app: { name: 'Framing Workbench CLI', version: '' },
    annotator: [...new Set(plan.add.map((a) => a.annotator))].sort().join(', ') || 'unknown',
    codebook,
    documents,
    annotations: plan.add.map(({ anchoring: _anchoring, ...claim }) => claim),
    documentLabels: plan.documentLabels,
    includeTexts: true,
  });
  const warnings: Problem[] = [
    ...plan.orphans.map((o) => ({ path: o.record.origin, message: `not placed: ${o.reason}` })),
    ...plan.add
      .filter((a) => a.anchoring)
      .map((a) => ({
        path: a.documentId,
        message: `"${a.target.exact.slice(0, 40)}" placed by ${a.anchoring?.method} match (score ${a.anchoring?.score.toFixed(2)}); check it`,
      })),
    ...plan.skipped,
  ];
  const duplicates = plan.duplicates.map((d) => ({
    path: d.origin,
    message: `the same claim as ${d.of ?? 'another of the input'}; written once`,
  }));
  return { files, warnings, duplicates, conflicts: plan.conflicts, claims: plan.add.length, read: input.claims.length };
}

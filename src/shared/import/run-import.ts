import type { FileEntry, Interchange } from '../formats/interchange';
import { detectFormat, groupImportFiles, groupSource } from '../formats/registry';
import type { Annotation } from '../model/annotation';
import type { ClusterReview } from '../model/cluster-review';
import { type Codebook, codebookTagId } from '../model/codebook';
import type { DocumentSummary } from '../model/document';
import type { DocumentLabel } from '../model/document-label';
import type { Problem } from '../result';
import { type CorpusText, type ImportContext, type ImportPlan, planImport } from './plan-import';

/** What the analyst is told about one imported file (or one set of brat files). */
export interface ImportReport {
  source: string;
  format?: string;
  /** 'refused' means nothing of it was stored: a structural error, or the write failed. */
  status: 'imported' | 'refused';
  errors: Problem[];
  added: number;
  /** Claims replaced by the file's newer version of them. */
  updated: number;
  review: number;
  orphans: number;
  /** Of the orphans, those whose document is not in the corpus: listed under Missing documents. */
  elsewhere: number;
  /** The documents the orphans wait in, with how many each, most first. */
  notPlaced: { documentId: string; count: number }[];
  duplicates: number;
  conflicts: Problem[];
  skipped: Problem[];
  /** What the reader found out about the file, such as how it counts offsets. */
  notes: Problem[];
  /** The name of the file's codebook when the import added it to the corpus's layers. */
  codebookAdded?: string;
  /**
   * Texts the file carries for documents the corpus does not have (a REFI-QDA project's sources,
   * say): the report offers them as a folder to open as a corpus, where the claims then land.
   */
  textsElsewhere: { id: string; title: string; text: string }[];
}

export interface ImportDeps {
  documents: readonly DocumentSummary[];
  loadText(id: string): Promise<CorpusText>;
  existing(): Promise<ReadonlyMap<string, Annotation>>;
  existingLabels(): Promise<ReadonlyMap<string, DocumentLabel>>;
  /** Review's records already stored, by `reviewKey`: a file's are merged with them. */
  existingReviews?(): Promise<ReadonlyMap<string, ClusterReview>>;
  commit(plan: ImportPlan): Promise<unknown>;
  fallbackAnnotator: string;
  codebook: Codebook;
  /** The corpus's other layers (see ImportContext.layers). */
  layers?: readonly Codebook[];
  /**
   * Keeps a file's codebook and codes the corpus with it as a layer too, returning the layers
   * then: a REFI-QDA project's code system, when its claims use codes no layer knows.
   */
  adoptCodebook?(codebook: Codebook): Promise<readonly Codebook[]>;
  now(): string;
  newId(): string;
  /** How long each file's approximate searches may take in all, in milliseconds. */
  searchBudgetMs?: number;
  /**
   * Where the claims are placed; here by default. The window places them in a worker, so that a
   * long search never holds it.
   */
  plan?(file: Interchange, context: ImportContext): Promise<ImportPlan>;
  /** Told which file is being placed and how far it has got. */
  onProgress?(progress: ImportProgress): void;
  /** Cancels: the file being placed and every file after it are not imported at all. */
  signal?: AbortSignal;
}

export interface ImportProgress {
  source: string;
  /** Which of the import's files (counting from 1) and how many there are. */
  file: number;
  files: number;
  /** Claims of this file placed so far, of how many. */
  done: number;
  total: number;
}

const placeHere = async (file: Interchange, context: ImportContext) => planImport(file, context);

const CANCELLED = 'the import was cancelled: nothing of this file was stored';

/** A file of which nothing was stored, and why. */
export const refusedReport = (source: string, errors: Problem[], format?: string): ImportReport => ({
  source,
  format,
  status: 'refused',
  errors,
  added: 0,
  review: 0,
  updated: 0,
  orphans: 0,
  elsewhere: 0,
  notPlaced: [],
  duplicates: 0,
  conflicts: [],
  skipped: [],
  notes: [],
  textsElsewhere: [],
});

/**
 * The lengths of the texts a file carries for documents that neither its ids nor its hashes find
 * in the corpus (a doccano line under doccano's own id, say): corpus documents of those lengths
 * are read too, so that planImport can find such a document by its text.
 */
export function textLengths(file: Interchange, corpus: readonly DocumentSummary[]): Set<number> {
  const ids = new Set(corpus.map((d) => d.id));
  const hashes = new Set(corpus.map((d) => d.sha256));
  const declared = new Map<string, string>();
  for (const c of file.claims) if (c.documentSha256) declared.set(c.documentId, c.documentSha256);
  const lengths = new Set<number>();
  for (const d of file.documents) {
    const sha = declared.get(d.id) ?? d.sha256;
    if (d.text !== undefined && !ids.has(d.id) && !(sha !== undefined && hashes.has(sha))) lengths.add(d.text.length);
  }
  return lengths;
}

/**
 * The layers a file's claims are placed in: the corpus's, and the file's own codebook beside them
 * when its claims or framing use tags none of those know (named by id or label).
 */
async function codebooksFor(
  file: Interchange,
  deps: ImportDeps,
): Promise<{ layers: readonly Codebook[] | undefined; added?: string }> {
  const known = [deps.codebook, ...(deps.layers ?? [])];
  const own = file.codebook;
  if (!own || !deps.adoptCodebook || known.some((c) => c.id === own.id)) return { layers: deps.layers };
  const tags = [...file.claims.flatMap((c) => c.tags), ...(file.documentLabels ?? []).flatMap((l) => l.tags)];
  const unknown = tags.some((tag) => !known.some((c) => c.tags.some((t) => t.id === codebookTagId(c, tag))));
  if (!unknown) return { layers: deps.layers };
  return { layers: await deps.adoptCodebook(own), added: own.name };
}

/** The file's own texts of the documents its orphans wait in that the corpus does not have. */
function textsElsewhere(
  file: Interchange,
  plan: ImportPlan,
  known: ReadonlySet<string>,
): ImportReport['textsElsewhere'] {
  const waiting = new Set(plan.orphans.map((o) => o.documentId).filter((id) => !known.has(id)));
  return file.documents.flatMap((d) =>
    d.text !== undefined && waiting.has(d.id) ? [{ id: d.id, title: d.title ?? d.id, text: d.text }] : [],
  );
}

function countByDocument(orphans: readonly { documentId: string }[]): { documentId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { documentId } of orphans) counts.set(documentId, (counts.get(documentId) ?? 0) + 1);
  return [...counts]
    .map(([documentId, count]) => ({ documentId, count }))
    .sort((a, b) => b.count - a.count || (a.documentId < b.documentId ? -1 : 1));
}

/** Detects, parses, anchors and stores each file; one failing file leaves the others and the database intact. */
export async function runImport(files: readonly FileEntry[], deps: ImportDeps): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const groups = groupImportFiles(files);
  for (const [index, group] of groups.entries()) {
    const source = groupSource(group);
    if (deps.signal?.aborted) {
      reports.push(refusedReport(source, [{ path: source, message: CANCELLED }]));
      continue;
    }
    const progress = { source, file: index + 1, files: groups.length };
    deps.onProgress?.({ ...progress, done: 0, total: 0 });
    const format = detectFormat(group);
    if (!format?.parse) {
      reports.push(refusedReport(source, [{ path: source, message: 'not a format Framing Workbench can import' }]));
      continue;
    }
    const parsed = format.parse(group);
    if (!parsed.ok) {
      reports.push(refusedReport(source, parsed.error, format.name));
      continue;
    }
    try {
      const layers = await codebooksFor(parsed.value, deps);
      const wanted = new Set([
        ...parsed.value.claims.map((c) => c.documentId),
        ...(parsed.value.documentLabels ?? []).map((l) => l.documentId),
        ...(parsed.value.reviews ?? []).map((r) => r.documentId),
      ]);
      const hashes = new Set(parsed.value.claims.flatMap((c) => (c.documentSha256 ? [c.documentSha256] : [])));
      const lengths = textLengths(parsed.value, deps.documents);
      const involved = deps.documents.filter((d) => wanted.has(d.id) || hashes.has(d.sha256) || lengths.has(d.length));
      const texts = new Map((await Promise.all(involved.map((d) => deps.loadText(d.id)))).map((d) => [d.id, d]));
      const plan = await (deps.plan ?? placeHere)(parsed.value, {
        source,
        fallbackAnnotator: deps.fallbackAnnotator,
        codebook: deps.codebook,
        layers: layers.layers,
        now: deps.now(),
        newId: deps.newId,
        texts,
        existing: await deps.existing(),
        existingLabels: await deps.existingLabels(),
        existingReviews: await deps.existingReviews?.(),
        deadline: deps.searchBudgetMs === undefined ? undefined : Date.now() + deps.searchBudgetMs,
        onProgress: (done, total) => deps.onProgress?.({ ...progress, done, total }),
      });
      // A cancel that came while the last claims were placed still stores nothing.
      deps.signal?.throwIfAborted();
      await deps.commit(plan);
      const known = new Set(deps.documents.map((d) => d.id));
      reports.push({
        source,
        format: format.name,
        status: 'imported',
        errors: [],
        added: plan.add.length,
        review: plan.add.filter((a) => a.anchoring).length,
        updated: plan.replace.length,
        orphans: plan.orphans.length,
        elsewhere: plan.orphans.filter((o) => !known.has(o.documentId)).length,
        notPlaced: countByDocument(plan.orphans),
        duplicates: plan.duplicates.length,
        conflicts: plan.conflicts,
        skipped: plan.skipped,
        notes: parsed.value.notes ?? [],
        textsElsewhere: textsElsewhere(parsed.value, plan, known),
        ...(layers.added === undefined ? {} : { codebookAdded: layers.added }),
      });
    } catch (error) {
      reports.push(
        refusedReport(
          source,
          [
            {
              path: source,
              message: deps.signal?.aborted ? CANCELLED : error instanceof Error ? error.message : String(error),
            },
          ],
          format.name,
        ),
      );
    }
  }
  return reports;
}

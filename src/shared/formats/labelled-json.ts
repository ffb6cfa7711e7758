import { z } from 'zod';
import { Annotation } from '../model/annotation';
import { ClusterReview } from '../model/cluster-review';
import { Codebook, orderedCodebook } from '../model/codebook';
import { DocumentId } from '../model/document';
import { DocumentLabel } from '../model/document-label';
import { compareTombstones, Tombstone, tombstoneOf } from '../model/tombstone';
import { fail, ok, type Problem } from '../result';
import { compareCodeUnits, compareInstants } from '../text/compare';
import { inFileOrder, originRecord } from './common';
import type { Format } from './format';
import { parseJson, problemsFromZod } from './issues';

export const LABELLED_JSON_FORMAT = 'framing-workbench/labelled-json';
export const LABELLED_JSON_VERSION = 1;

const ExportedDocument = z.object({
  id: DocumentId,
  title: z.string(),
  language: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The served text, when the file was exported to stand alone. */
  text: z.string().optional(),
});

const LiveAnnotation = Annotation.omit({ deletedAt: true, anchoring: true });
type LiveAnnotation = z.infer<typeof LiveAnnotation>;

export const LabelledJson = z.object({
  format: z.literal(LABELLED_JSON_FORMAT),
  formatVersion: z.literal(LABELLED_JSON_VERSION),
  offsetUnits: z.object({
    start: z.literal('utf-16 code units'),
    codePointStart: z.literal('unicode code points'),
  }),
  exportedAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string() }),
  annotator: z.string(),
  codebook: Codebook,
  documents: z.array(ExportedDocument),
  annotations: z.array(LiveAnnotation),
  tombstones: z.array(Tombstone),
  /** Each annotator's tags for whole documents (absent in files from before they existed). */
  documentLabels: z.array(DocumentLabel).optional(),
  /** Review's rejections, reopenings and discussions (absent in files from before they travelled). */
  reviews: z.array(ClusterReview).optional(),
});

export type LabelledJson = z.infer<typeof LabelledJson>;
export type ExportedDocument = z.infer<typeof ExportedDocument>;

export interface LabelledJsonInput {
  exportedAt: string;
  app: { name: string; version: string };
  annotator: string;
  codebook: Codebook;
  documents: readonly ExportedDocument[];
  /** Live annotations and deletions (stored ones with `deletedAt`, or tombstones); deletions are written apart. */
  annotations: readonly (Annotation | Tombstone)[];
  documentLabels?: readonly DocumentLabel[];
  reviews?: readonly ClusterReview[];
}

/** Splits the stored annotations into live claims and tombstones and orders everything. */
export function toLabelledJson(input: LabelledJsonInput): LabelledJson {
  const live: Annotation[] = [];
  const tombstones: Tombstone[] = [];
  for (const record of input.annotations) {
    // A tombstone always has `deletedAt`, so a record without one is a live annotation.
    if (record.deletedAt === undefined) live.push(record as Annotation);
    else tombstones.push(tombstoneOf(record, record.deletedAt));
  }
  return canonical({
    format: LABELLED_JSON_FORMAT,
    formatVersion: LABELLED_JSON_VERSION,
    offsetUnits: { start: 'utf-16 code units', codePointStart: 'unicode code points' },
    exportedAt: input.exportedAt,
    app: input.app,
    annotator: input.annotator,
    codebook: input.codebook,
    documents: [...input.documents],
    annotations: live,
    ...(input.documentLabels && input.documentLabels.length > 0 && { documentLabels: [...input.documentLabels] }),
    ...(input.reviews && input.reviews.length > 0 && { reviews: [...input.reviews] }),
    tombstones,
  });
}

/** A fixed key order and sorted lists, so equal data always gives equal bytes. */
function canonical(file: LabelledJson): LabelledJson {
  return {
    format: file.format,
    formatVersion: file.formatVersion,
    offsetUnits: { start: file.offsetUnits.start, codePointStart: file.offsetUnits.codePointStart },
    exportedAt: file.exportedAt,
    app: { name: file.app.name, version: file.app.version },
    annotator: file.annotator,
    codebook: orderedCodebook(file.codebook),
    documents: [...file.documents]
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .map((d) => ({
        id: d.id,
        title: d.title,
        language: d.language,
        sha256: d.sha256,
        ...(d.text === undefined ? {} : { text: d.text }),
      })),
    annotations: [...file.annotations].sort(inFileOrder).map(orderedAnnotation),
    tombstones: [...file.tombstones].sort(compareTombstones).map((t) => tombstoneOf(t, t.deletedAt)),
    ...(file.documentLabels && {
      documentLabels: [...file.documentLabels]
        .sort((a, b) => compareCodeUnits(a.documentId, b.documentId) || compareCodeUnits(a.annotator, b.annotator))
        .map((l) => ({ documentId: l.documentId, annotator: l.annotator, tags: [...l.tags], updatedAt: l.updatedAt })),
    }),
    ...(file.reviews && {
      reviews: [...file.reviews]
        .sort((a, b) => compareCodeUnits(a.documentId, b.documentId) || compareCodeUnits(a.clusterKey, b.clusterKey))
        .map(orderedReview),
    }),
  };
}

function orderedReview(r: ClusterReview): ClusterReview {
  const d = r.decision;
  return {
    documentId: r.documentId,
    clusterKey: r.clusterKey,
    ...(d && {
      decision: {
        kind: d.kind,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt,
        ...(d.rationale === undefined ? {} : { rationale: d.rationale }),
      },
    }),
    comments: [...r.comments]
      .sort((a, b) => compareInstants(a.at, b.at) || compareCodeUnits(a.id, b.id))
      .map((c) => ({ id: c.id, author: c.author, at: c.at, text: c.text })),
  };
}

function orderedAnnotation(a: LiveAnnotation): LiveAnnotation {
  const t = a.target;
  const attributes = Object.fromEntries(
    Object.entries(a.attributes)
      .filter(([, value]) => value !== undefined)
      .sort(([x], [y]) => compareCodeUnits(x, y)),
  );
  return {
    id: a.id,
    documentId: a.documentId,
    documentSha256: a.documentSha256,
    target: {
      start: t.start,
      end: t.end,
      codePointStart: t.codePointStart,
      codePointEnd: t.codePointEnd,
      exact: t.exact,
      prefix: t.prefix,
      suffix: t.suffix,
    },
    tags: [...a.tags],
    attributes,
    annotator: a.annotator,
    codebookId: a.codebookId,
    codebookVersion: a.codebookVersion,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ...(a.provenance && {
      provenance: {
        decision: a.provenance.decision,
        sources: a.provenance.sources.map((source) => ({ id: source.id, annotator: source.annotator })),
        decidedBy: a.provenance.decidedBy,
        decidedAt: a.provenance.decidedAt,
        ...(a.provenance.rationale !== undefined && { rationale: a.provenance.rationale }),
      },
    }),
    ...(a.origin && { origin: originRecord(a.origin) }),
  };
}

const OTHER_TAGS = { id: 'other-tags', label: 'Other tags' };

/**
 * The codebook with a tag added for each one its own claims use and it lacks (a brat type an
 * import kept as written, say), so that a file describes every tag it holds.
 */
export function codebookDescribing(
  codebook: Codebook,
  annotations: readonly Pick<Annotation, 'tags' | 'codebookId' | 'codebookVersion'>[],
  names: ReadonlyMap<string, { label: string; colour: string }> = new Map(),
): Codebook {
  const known = new Set(codebook.tags.map((t) => t.id));
  const missing = [
    ...new Set(
      annotations
        .filter((a) => a.codebookId === codebook.id && a.codebookVersion === codebook.version)
        .flatMap((a) => a.tags)
        .filter((tag) => !known.has(tag)),
    ),
  ].sort(compareCodeUnits);
  if (missing.length === 0) return codebook;
  const groups = codebook.groups.some((g) => g.id === OTHER_TAGS.id)
    ? codebook.groups
    : [...codebook.groups, OTHER_TAGS];
  const added = missing.map((id) => ({
    id,
    label: names.get(id)?.label ?? id,
    colour: names.get(id)?.colour ?? '#7f8c8d',
    description: '',
    group: OTHER_TAGS.id,
  }));
  return { ...codebook, groups, tags: [...codebook.tags, ...added] };
}

/** Claims of the file's own codebook (id and version) that use a tag it does not describe, by where they are. */
export function undescribedTags(file: LabelledJson): Problem[] {
  const known = new Set(file.codebook.tags.map((t) => t.id));
  return file.annotations.flatMap((a, i) =>
    a.codebookId !== file.codebook.id || a.codebookVersion !== file.codebook.version
      ? []
      : a.tags.flatMap((tag, j) =>
          known.has(tag)
            ? []
            : [
                {
                  path: `$.annotations[${i}].tags[${j}]`,
                  message: `the tag "${tag}" is not in the file's codebook "${file.codebook.id}" (version ${file.codebook.version})`,
                },
              ],
        ),
  );
}

export const labelledJson: Format<LabelledJson> = {
  name: 'Labelled JSON',
  parse(input) {
    const json = parseJson(input);
    if (!json.ok) return json;
    const parsed = LabelledJson.safeParse(json.value);
    return parsed.success ? ok(parsed.data) : fail(problemsFromZod(parsed.error));
  },
  serialize(value) {
    return `${JSON.stringify(canonical(value), null, 2)}\n`;
  },
};

/**
 * doccano JSONL: one document per line, `{"id", "text", "label": [[start, end, "tag"], ...], "meta"}`.
 *
 * Offset unit: UTF-16 code units. doccano's browser front end stores JavaScript string indices as
 * they are: "firetrucks" after the 4-code-point firefighter emoji sits at 22–32 in doccano and at
 * 19–29 in Python (doccano/doccano#2290); the pull request adding the optional grapheme mode gives
 * `"🌷".length == 2` as its reason (doccano/doccano#1511). A project created with "Count grapheme
 * clusters as one character" counts grapheme clusters instead; its export does not say so, so such
 * files would shift spans after emoji, flags and combining marks, and nothing here can tell.
 *
 * Written: every document as a line with its text; each live claim's tags as doccano spans (one
 * span per tag, as doccano has one label per span); in `meta` the corpus document id, title,
 * language, sha256 and each claim's id, span, tags and origin (how it was made, when not by hand),
 * so a re-import maps lines back to corpus documents and spans back to claims. doccano keeps
 * unknown columns as `meta` and writes them back on export, so these survive a trip through doccano. Lost: the claims' annotators, attributes
 * (speaker, stance, confidence, note), times and the codebook: doccano spans carry none of them.
 *
 * Document framing: doccano's project type with both spans and document categories ("Intent
 * detection and slot filling") writes them as `entities` triples and `cats` names; an export in
 * which someone chose a category for a document is written that way (`label` triples otherwise,
 * doccano's sequence labelling), `cats` being every annotator's tags for the document together, as
 * doccano's collaborative export merges its members' categories. Who chose which, and when, goes
 * in `meta.framing`, a cleared framing too.
 *
 * A line without our `meta` is a document under doccano's own id; its text goes with it, and the
 * import finds the corpus document with that very text (planImport), so its claims are placed
 * rather than orphaned.
 *
 * Read: `label` or `labels` (older doccano) as [start, end, label] triples, `entities` as objects
 * {start_offset, end_offset, label} (relation projects) or triples (intent detection). Category
 * names, in `label` (text classification) or `cats` (intent detection), are document framing:
 * those `meta.framing` names go to their annotators; the others to the annotator the file is named
 * after, as doccano names each member's file in its export ("ada.jsonl"), with a note saying so.
 * `relations` are skipped.
 */
import { z } from 'zod';
import { type Annotation, type Origin, textTarget } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import { fail, ok, type Problem, type Result } from '../result';
import { compareCodeUnits } from '../text/compare';
import { OffsetIndex } from '../text/offsets';
import {
  DocumentFields,
  documentFields,
  documentIdOf,
  documentsWithClaims,
  hasExtension,
  head,
  InterchangeBuilder,
  located,
  Offset,
  originRecord,
  readOrigin,
  spanProblem,
} from './common';
import type { ExportDocument, ExportSet, FileEntry, Interchange, InterchangeFormat } from './interchange';
import { parseJson, problemsFromZod } from './issues';

const LabelName = z.string({ error: 'must be the label name' }).min(1, { error: 'must not be empty' });
const Triple = z.tuple([Offset, Offset, LabelName], { error: 'must be [start, end, "label"]' });
const EntityObject = z.looseObject({ start_offset: Offset, end_offset: Offset, label: LabelName });

const MetaClaim = z.object({
  id: z.string().min(1),
  start: Offset,
  end: Offset,
  tags: z.array(z.string().min(1)).min(1),
  /** Checked apart (recordedClaims), so that an origin the app does not know costs the claim nothing else. */
  origin: z.unknown().optional(),
});

/** A claim `meta` records, with its origin as far as the app can keep it. */
type RecordedClaim = Omit<z.infer<typeof MetaClaim>, 'origin'> & { madeBy?: Origin };

/** An annotator's framing of the line's document, as the export records it. */
const MetaFraming = z.object({
  annotator: z.string().min(1),
  tags: z.array(z.string().min(1)),
  updated_at: z.iso.datetime(),
});

const Meta = DocumentFields.extend({
  claims: z.array(MetaClaim).optional(),
  framing: z.array(MetaFraming).optional(),
});

const SpanList = z.array(z.unknown(), { error: 'must be a list' }).optional();

const Line = z.looseObject(
  {
    id: z.union([z.number(), z.string()], { error: 'must be a number or a string' }).optional(),
    text: z.string({ error: 'must be the document text' }),
    label: SpanList,
    labels: SpanList,
    entities: SpanList,
    cats: z
      .union([z.array(z.string()), z.record(z.string(), z.unknown())], {
        error: 'must be a list of category names or an object of categories',
      })
      .optional(),
    relations: z.array(z.unknown(), { error: 'must be a list' }).optional(),
    meta: Meta.optional(),
  },
  { error: 'each line must be a JSON object' },
);
type Line = z.infer<typeof Line>;

interface Span {
  start: number;
  end: number;
  label: string;
  path: string;
}

/** The spans of one line; its category names go to `categories`, relations to `skipped`. */
function spansOf(
  line: Line,
  at: string,
  index: OffsetIndex,
  builder: InterchangeBuilder,
  categories: Set<string>,
): Span[] {
  const spans: Span[] = [];
  for (const key of ['label', 'labels', 'entities'] as const) {
    (line[key] ?? []).forEach((item, i) => {
      const path = `${at}.${key}[${i}]`;
      if (typeof item === 'string') {
        addCategory(item, path, categories, builder);
        return;
      }
      const span = Array.isArray(item) ? tripleSpan(item, path) : objectSpan(item, path);
      if (!span.ok) {
        builder.problems.push(...span.error);
        return;
      }
      const wrong = spanProblem(index, 'utf16', span.value.start, span.value.end);
      if (wrong) {
        const field = Array.isArray(item) ? (wrong.at === 'start' ? '[0]' : '[1]') : `.${wrong.at}_offset`;
        builder.problems.push({ path: path + field, message: wrong.message });
      } else spans.push(span.value);
    });
  }
  if (Array.isArray(line.cats)) {
    line.cats.forEach((name, i) => {
      addCategory(name, `${at}.cats[${i}]`, categories, builder);
    });
  } else {
    for (const [name, score] of Object.entries(line.cats ?? {})) {
      chosenCategory(name, score, `${at}.cats`, categories, builder);
    }
  }
  line.relations?.forEach((relation, i) => {
    const type = (relation as { type?: unknown } | null)?.type;
    builder.skipped.push({
      path: `${at}.relations[${i}]`,
      message: `relation${typeof type === 'string' ? ` ${JSON.stringify(type)}` : ''}: the app does not keep relations between claims yet`,
    });
  });
  return spans;
}

function addCategory(name: string, path: string, categories: Set<string>, builder: InterchangeBuilder): void {
  if (name.trim() === '') builder.skipped.push({ path, message: 'an empty category name was left out' });
  else categories.add(name);
}

/** `cats` as an object (spaCy's textcat) scores each category: it is chosen when true or scored 0.5 or more. */
function chosenCategory(
  name: string,
  score: unknown,
  at: string,
  categories: Set<string>,
  builder: InterchangeBuilder,
): void {
  const path = `${at}.${name}`;
  if (typeof score !== 'boolean' && typeof score !== 'number') {
    builder.skipped.push({
      path,
      message: `category ${JSON.stringify(name)}: its value must be true, false or a score`,
    });
  } else if (score === true || Number(score) >= 0.5) addCategory(name, path, categories, builder);
}

function tripleSpan(item: unknown[], path: string): Result<Span, Problem[]> {
  const triple = Triple.safeParse(item);
  if (!triple.success) return fail(located(path, problemsFromZod(triple.error)));
  const [start, end, label] = triple.data;
  return ok({ start, end, label, path });
}

function objectSpan(item: unknown, path: string): Result<Span, Problem[]> {
  if (typeof item !== 'object' || item === null) {
    return fail([{ path, message: 'must be [start, end, "label"], an entity object or a category name' }]);
  }
  const entity = EntityObject.safeParse(item);
  if (!entity.success) return fail(located(path, problemsFromZod(entity.error)));
  return ok({ start: entity.data.start_offset, end: entity.data.end_offset, label: entity.data.label, path });
}

interface Grouped {
  id?: string;
  madeBy?: Origin;
  start: number;
  end: number;
  tags: string[];
  path: string;
}

/**
 * doccano has one label per span, so a claim with several tags is several spans. The claims we
 * recorded in `meta` say which spans belong together; a span matches a recorded claim by span and
 * tag, so spans added, removed or reordered in doccano still come back right. Spans no recorded
 * claim explains are claims of their own.
 */
function groupSpans(spans: Span[], recorded: RecordedClaim[]): Grouped[] {
  const waiting = new Map<string, number[]>();
  recorded.forEach((claim, i) => {
    for (const tag of claim.tags) {
      const key = `${claim.start}:${claim.end}:${tag}`;
      const queue = waiting.get(key);
      if (queue) queue.push(i);
      else waiting.set(key, [i]);
    }
  });
  const matched = new Map<number, { tags: Set<string>; path: string }>();
  const loose: Grouped[] = [];
  for (const span of spans) {
    const i = waiting.get(`${span.start}:${span.end}:${span.label}`)?.shift();
    if (i === undefined) {
      loose.push({ start: span.start, end: span.end, tags: [span.label], path: span.path });
      continue;
    }
    const group = matched.get(i) ?? { tags: new Set<string>(), path: span.path };
    group.tags.add(span.label);
    matched.set(i, group);
  }
  const grouped = [...matched].map(([i, group]): Grouped => {
    const claim = recorded[i] as RecordedClaim;
    const tags = [...group.tags].sort((a, b) => claim.tags.indexOf(a) - claim.tags.indexOf(b));
    return { id: claim.id, madeBy: claim.madeBy, start: claim.start, end: claim.end, tags, path: group.path };
  });
  return [...grouped, ...loose];
}

/** When a file does not say when a document was framed. */
const UNDATED = new Date(0).toISOString();

/** The annotator doccano names a member's export file after: "exports/ada.jsonl" is Ada's. */
const annotatorOfFile = (name: string) => name.slice(name.lastIndexOf('/') + 1).replace(/\.jsonl$/i, '') || name;

/** The input's document framing: one label per document and annotator, however many lines give it. */
class Framing {
  private readonly labels = new Map<string, DocumentLabel>();
  /** The files some of whose categories no recorded annotator chose, with the annotator they went to. */
  readonly creditedByName = new Map<string, string>();

  add(label: DocumentLabel): void {
    const key = `${label.documentId}\u0000${label.annotator}`;
    const seen = this.labels.get(key);
    if (!seen) {
      this.labels.set(key, { ...label, tags: [...label.tags] });
      return;
    }
    for (const tag of label.tags) if (!seen.tags.includes(tag)) seen.tags.push(tag);
    if (label.updatedAt > seen.updatedAt) seen.updatedAt = label.updatedAt;
  }

  get all(): DocumentLabel[] {
    return [...this.labels.values()];
  }
}

/**
 * A line's categories as framing. Each annotator `meta.framing` records keeps those of their tags
 * the line still has, so a category removed in doccano is gone; the rest go to the file's annotator.
 */
function readFraming(
  categories: ReadonlySet<string>,
  recorded: readonly z.infer<typeof MetaFraming>[],
  documentId: string,
  file: string,
  framing: Framing,
): void {
  for (const { annotator, tags, updated_at } of recorded) {
    framing.add({ documentId, annotator, tags: tags.filter((tag) => categories.has(tag)), updatedAt: updated_at });
  }
  const credited = new Set(recorded.flatMap((label) => label.tags));
  const rest = [...categories].filter((name) => !credited.has(name));
  // No category says nothing: doccano writes every example into every member's file, framed or not.
  if (rest.length === 0) return;
  const annotator = annotatorOfFile(file);
  framing.creditedByName.set(file, annotator);
  framing.add({ documentId, annotator, tags: rest, updatedAt: UNDATED });
}

/** The claims `meta` records; an origin the app does not know is left out, saying why. */
function recordedClaims(meta: z.infer<typeof Meta> | undefined, at: string, builder: InterchangeBuilder) {
  return (meta?.claims ?? []).map(({ origin, ...claim }, i): RecordedClaim => {
    const path = `${at}.meta.claims[${i}].origin`;
    const madeBy = readOrigin(origin, (why) => builder.skipped.push({ path, message: why }));
    return madeBy ? { ...claim, madeBy } : claim;
  });
}

interface LineSource {
  file: string;
  lineNumber: number;
  framing: Framing;
}

function parseLine(raw: string, at: string, source: LineSource, builder: InterchangeBuilder): void {
  const json = parseJson(raw);
  if (!json.ok) {
    builder.problems.push(...located(at, json.error));
    return;
  }
  const parsed = Line.safeParse(json.value);
  if (!parsed.success) {
    builder.problems.push(...located(at, problemsFromZod(parsed.error)));
    return;
  }
  const line = parsed.data;
  const meta = line.meta;
  const documentId = documentIdOf(meta, line.id, `line-${source.lineNumber}`);
  builder.addDocument(
    { id: documentId, title: meta?.title, language: meta?.language, sha256: meta?.sha256, text: line.text },
    meta?.document_id !== undefined ? `${at}.meta.document_id` : `${at}.id`,
  );
  const index = new OffsetIndex(line.text);
  const categories = new Set<string>();
  const spans = spansOf(line, at, index, builder, categories);
  readFraming(categories, meta?.framing ?? [], documentId, source.file, source.framing);
  for (const claim of groupSpans(spans, recordedClaims(meta, at, builder))) {
    // The quote and its context come from the line's own text, so that a claim on a corpus
    // document whose text differs is found by its words, never put at the same numbers in another text.
    const { exact, prefix, suffix } = textTarget(index, claim.start, claim.end);
    builder.addClaim({
      ...(claim.id === undefined ? {} : { id: claim.id }),
      documentId,
      ...(meta?.sha256 === undefined ? {} : { documentSha256: meta.sha256 }),
      selector: { unit: 'utf16', start: claim.start, end: claim.end, exact, prefix, suffix },
      tags: claim.tags,
      attributes: {},
      origin: claim.path,
      ...(claim.madeBy && { madeBy: claim.madeBy }),
    });
  }
}

/** Each written document's framing, annotators in name order. */
function framingByDocument(set: ExportSet): Map<string, DocumentLabel[]> {
  const written = new Set(set.documents.map((d) => d.id));
  const byDocument = new Map<string, DocumentLabel[]>();
  const labels = (set.documentLabels ?? []).filter((l) => written.has(l.documentId));
  for (const label of labels.sort((a, b) => compareCodeUnits(a.annotator, b.annotator))) {
    byDocument.set(label.documentId, [...(byDocument.get(label.documentId) ?? []), label]);
  }
  return byDocument;
}

function serializeLine(
  id: number,
  document: ExportDocument,
  claims: Annotation[],
  framing: DocumentLabel[],
  categorised: boolean,
): string {
  const spans = claims
    .flatMap((a) => a.tags.map((tag): [number, number, string] => [a.target.start, a.target.end, tag]))
    // doccano writes spans sorted as (start, end, label) tuples; so do we, so a trip through it changes nothing.
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || compareCodeUnits(x[2], y[2]));
  const meta = {
    ...documentFields(document),
    claims: claims.map((a) => ({
      id: a.id,
      start: a.target.start,
      end: a.target.end,
      tags: [...a.tags],
      ...(a.origin && { origin: originRecord(a.origin) }),
    })),
    ...(framing.length > 0
      ? { framing: framing.map((l) => ({ annotator: l.annotator, tags: [...l.tags], updated_at: l.updatedAt })) }
      : {}),
  };
  if (!categorised) return JSON.stringify({ id, text: document.text, label: spans, meta });
  // doccano lists a document's categories sorted, and every member's together in a collaborative export.
  const cats = [...new Set(framing.flatMap((l) => l.tags))].sort(compareCodeUnits);
  return JSON.stringify({ id, text: document.text, entities: spans, cats, meta });
}

function serialize(set: ExportSet): FileEntry[] {
  const framing = framingByDocument(set);
  const categorised = [...framing.values()].some((labels) => labels.some((l) => l.tags.length > 0));
  const lines = documentsWithClaims(set).map(({ document, claims }, i) =>
    serializeLine(i + 1, document, claims, framing.get(document.id) ?? [], categorised),
  );
  return [{ name: 'doccano.jsonl', content: lines.map((line) => `${line}\n`).join('') }];
}

function parse(files: readonly FileEntry[]): Result<Interchange, Problem[]> {
  const builder = new InterchangeBuilder();
  const framing = new Framing();
  const inputs = files.filter((file) => hasExtension(file, '.jsonl'));
  if (inputs.length === 0) return fail([{ path: '', message: 'no .jsonl file to read' }]);
  for (const file of inputs) {
    const lines = file.content.replace(/^\uFEFF/, '').split('\n');
    for (let n = 0; n < lines.length && !builder.full; n++) {
      const raw = (lines[n] as string).replace(/\r$/, '');
      const source = { file: file.name, lineNumber: n + 1, framing };
      if (raw.trim() !== '') parseLine(raw, `${file.name}:${n + 1} $`, source, builder);
    }
  }
  const built = builder.result();
  if (!built.ok) return built;
  const notes = [...framing.creditedByName].map(([file, annotator]) => ({
    path: file,
    message: `document categories no annotator is recorded for were credited to "${annotator}", whom the file is named after, as doccano names each member's export`,
  }));
  return ok({ ...built.value, documentLabels: framing.all, ...(notes.length > 0 ? { notes } : {}) });
}

export const doccanoFormat: InterchangeFormat = {
  id: 'doccano',
  name: 'doccano JSONL',
  leavesOut: ['annotator', 'attributes', 'claim-times', 'codebook'],
  offsetUnit: 'utf16',
  reads: ['.jsonl'],

  detect(files) {
    return files.some((file) => {
      if (!hasExtension(file, '.jsonl')) return false;
      const start = head(file);
      return start.startsWith('{') && /"(text|label|labels|entities)"\s*:/.test(start);
    });
  },

  parse,
  serialize,
};

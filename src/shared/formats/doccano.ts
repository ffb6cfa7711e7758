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
 * language, sha256 and each claim's id, span and tags, so a re-import maps lines back to corpus
 * documents and spans back to claims. doccano keeps unknown columns as `meta` and writes them back
 * on export, so these survive a trip through doccano. Lost: annotator, attributes (speaker, stance,
 * confidence, note), times and the codebook: doccano spans carry none of them.
 *
 * Read: `label` or `labels` (older doccano) as [start, end, label] triples, `entities` as objects
 * {start_offset, end_offset, label} (relation projects) or triples (intent detection). Category
 * names in `label` or `cats` (text classification) and `relations` are skipped.
 *
 * The helpers shared with the Label Studio format live here too.
 */
import { z } from 'zod';
import { type Annotation, compareByPosition } from '../model/annotation';
import { DocumentId } from '../model/document';
import { fail, ok, type Problem, type Result } from '../result';
import { OffsetIndex, splitsSurrogatePair } from '../text/offsets';
import type {
  ClaimRecord,
  DocumentRecord,
  ExportDocument,
  ExportSet,
  FileEntry,
  Interchange,
  InterchangeFormat,
  OffsetUnit,
} from './interchange';
import { parseJson, problemsFromZod } from './issues';

/** Beyond this many claims an input is refused: no real corpus has them, and holding them would stall the app. */
export const MAX_CLAIMS = 1_000_000;
/** A refusal lists this many problems at most; the rest are counted. */
const MAX_PROBLEMS = 100;

export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const Offset = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .nonnegative({ error: 'must not be negative' });

/** Where both formats keep a corpus document's identity: doccano's `meta`, Label Studio's `data`. */
export const DocumentFields = z.looseObject(
  {
    document_id: DocumentId.optional(),
    title: z.string({ error: 'must be text' }).optional(),
    language: z.string({ error: 'must be text' }).optional(),
    sha256: z
      .string({ error: 'must be text' })
      .regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 digest in lowercase hex' })
      .optional(),
  },
  { error: 'must be an object' },
);
type DocumentFields = z.infer<typeof DocumentFields>;

export function documentFields(doc: ExportDocument) {
  return { document_id: doc.id, title: doc.title, language: doc.language, sha256: doc.sha256 };
}

/** The export's documents by id, each with its live claims in text order. */
export function documentsWithClaims(set: ExportSet): { document: ExportDocument; claims: Annotation[] }[] {
  const claims = new Map<string, Annotation[]>();
  for (const a of set.annotations) {
    if (a.deletedAt !== undefined) continue;
    const list = claims.get(a.documentId);
    if (list) list.push(a);
    else claims.set(a.documentId, [a]);
  }
  return [...set.documents]
    .sort((a, b) => byString(a.id, b.id))
    .map((document) => ({ document, claims: (claims.get(document.id) ?? []).sort(compareByPosition) }));
}

/** Zod problems found in a part of the input, placed under that part's location ("f.jsonl:3 $.label[1]"). */
export function located(prefix: string, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ path: prefix + p.path.slice(1), message: p.message }));
}

const unitName = (unit: OffsetUnit) => (unit === 'utf16' ? 'UTF-16 code units' : 'code points');

/** Why [start, end) is no span of the text, and which end is at fault; undefined when it is one. */
export function spanProblem(
  index: OffsetIndex,
  unit: OffsetUnit,
  start: number,
  end: number,
): { at: 'start' | 'end'; message: string } | undefined {
  const length = unit === 'utf16' ? index.text.length : index.codePointLength;
  if (end === start) return { at: 'end', message: `the span is empty: it starts and ends at ${start}` };
  if (end < start) return { at: 'end', message: `the span ends at ${end}, before it starts at ${start}` };
  if (end > length) {
    return { at: 'end', message: `the span ends at ${end}, past the end of the text (${length} ${unitName(unit)})` };
  }
  if (unit === 'utf16') {
    for (const at of ['start', 'end'] as const) {
      if (splitsSurrogatePair(index.text, at === 'start' ? start : end)) {
        return { at, message: 'the span cuts an emoji or other astral character in half' };
      }
    }
  }
  return undefined;
}

/** The text of [start, end) counted in `unit`. */
export function textAt(index: OffsetIndex, unit: OffsetUnit, start: number, end: number): string {
  return unit === 'utf16' ? index.text.slice(start, end) : index.text.slice(index.toUtf16(start), index.toUtf16(end));
}

/** The id a file gives a document: ours when it kept it, else the tool's own, else its place in the file. */
export function documentIdOf(fields: DocumentFields | undefined, toolId: unknown, fallback: string): string {
  if (fields?.document_id !== undefined) return fields.document_id;
  return typeof toolId === 'number' || typeof toolId === 'string' ? String(toolId) : fallback;
}

/** Collects what a parse finds; any problem refuses the whole input. */
export class InterchangeBuilder {
  private readonly documents = new Map<string, DocumentRecord>();
  private readonly claims: ClaimRecord[] = [];
  readonly skipped: Problem[] = [];
  readonly problems: Problem[] = [];
  /** Set once the input has more than MAX_CLAIMS claims: the caller stops reading. */
  full = false;

  /** A document; the same id twice is one document when the texts agree, else a problem. */
  addDocument(document: DocumentRecord & { text: string }, path: string): void {
    const id = DocumentId.safeParse(document.id);
    if (!id.success) {
      const why = problemsFromZod(id.error).map((p) => p.message);
      this.problems.push({ path, message: `document id ${JSON.stringify(document.id)}: ${why.join('; ')}` });
      return;
    }
    const seen = this.documents.get(document.id);
    if (seen === undefined) this.documents.set(document.id, document);
    else if (seen.text !== document.text) {
      this.problems.push({
        path,
        message: `document ${JSON.stringify(document.id)} appears twice with different texts`,
      });
    }
  }

  addClaim(claim: ClaimRecord): void {
    if (this.full) return;
    if (this.claims.length === MAX_CLAIMS) {
      this.full = true;
      this.problems.push({
        path: claim.origin,
        message: `more than ${MAX_CLAIMS.toLocaleString('en')} claims: this is too many to import at once; split the file`,
      });
      return;
    }
    this.claims.push(claim);
  }

  result(): Result<Interchange, Problem[]> {
    if (this.problems.length > MAX_PROBLEMS) {
      const more = this.problems.length - MAX_PROBLEMS;
      return fail([...this.problems.slice(0, MAX_PROBLEMS), { path: '', message: `${more} more problems not listed` }]);
    }
    if (this.problems.length > 0) return fail(this.problems);
    return ok({ documents: [...this.documents.values()], claims: this.claims, tombstones: [], skipped: this.skipped });
  }
}

/** The start of a file's text, for cheap detection. */
export const head = (file: FileEntry) =>
  file.content
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();

export const hasExtension = (file: FileEntry, extension: string) => file.name.toLowerCase().endsWith(extension);

const LabelName = z.string({ error: 'must be the label name' }).min(1, { error: 'must not be empty' });
const Triple = z.tuple([Offset, Offset, LabelName], { error: 'must be [start, end, "label"]' });
const EntityObject = z.looseObject({ start_offset: Offset, end_offset: Offset, label: LabelName });

const MetaClaim = z.object({
  id: z.string().min(1),
  start: Offset,
  end: Offset,
  tags: z.array(z.string().min(1)).min(1),
});
type MetaClaim = z.infer<typeof MetaClaim>;

const Meta = DocumentFields.extend({ claims: z.array(MetaClaim).optional() });

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

const noDocumentLabels = (name: string) =>
  `document classification label ${JSON.stringify(name)}: the app has no document-level labels yet`;

/** The spans of one line; category names and relations go to `skipped`. */
function spansOf(line: Line, at: string, index: OffsetIndex, builder: InterchangeBuilder): Span[] {
  const spans: Span[] = [];
  for (const key of ['label', 'labels', 'entities'] as const) {
    (line[key] ?? []).forEach((item, i) => {
      const path = `${at}.${key}[${i}]`;
      if (typeof item === 'string') {
        builder.skipped.push({ path, message: noDocumentLabels(item) });
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
  const cats = Array.isArray(line.cats) ? line.cats : Object.keys(line.cats ?? {});
  cats.forEach((name, i) => {
    const path = Array.isArray(line.cats) ? `${at}.cats[${i}]` : `${at}.cats.${name}`;
    builder.skipped.push({ path, message: noDocumentLabels(name) });
  });
  line.relations?.forEach((relation, i) => {
    const type = (relation as { type?: unknown } | null)?.type;
    builder.skipped.push({
      path: `${at}.relations[${i}]`,
      message: `relation${typeof type === 'string' ? ` ${JSON.stringify(type)}` : ''}: the app does not keep relations between claims yet`,
    });
  });
  return spans;
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
function groupSpans(spans: Span[], recorded: MetaClaim[]): Grouped[] {
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
    const claim = recorded[i] as MetaClaim;
    const tags = [...group.tags].sort((a, b) => claim.tags.indexOf(a) - claim.tags.indexOf(b));
    return { id: claim.id, start: claim.start, end: claim.end, tags, path: group.path };
  });
  return [...grouped, ...loose];
}

function parseLine(raw: string, at: string, lineNumber: number, builder: InterchangeBuilder): void {
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
  const documentId = documentIdOf(meta, line.id, `line-${lineNumber}`);
  builder.addDocument(
    { id: documentId, title: meta?.title, language: meta?.language, sha256: meta?.sha256, text: line.text },
    meta?.document_id !== undefined ? `${at}.meta.document_id` : `${at}.id`,
  );
  const spans = spansOf(line, at, new OffsetIndex(line.text), builder);
  for (const claim of groupSpans(spans, meta?.claims ?? [])) {
    builder.addClaim({
      ...(claim.id === undefined ? {} : { id: claim.id }),
      documentId,
      ...(meta?.sha256 === undefined ? {} : { documentSha256: meta.sha256 }),
      selector: { unit: 'utf16', start: claim.start, end: claim.end },
      tags: claim.tags,
      attributes: {},
      origin: claim.path,
    });
  }
}

function serializeLine(id: number, document: ExportDocument, claims: Annotation[]): string {
  const label = claims
    .flatMap((a) => a.tags.map((tag): [number, number, string] => [a.target.start, a.target.end, tag]))
    // doccano writes spans sorted as (start, end, label) tuples; so do we, so a trip through it changes nothing.
    .sort((x, y) => x[0] - y[0] || x[1] - y[1] || byString(x[2], y[2]));
  const meta = {
    ...documentFields(document),
    claims: claims.map((a) => ({ id: a.id, start: a.target.start, end: a.target.end, tags: [...a.tags] })),
  };
  return JSON.stringify({ id, text: document.text, label, meta });
}

export const doccanoFormat: InterchangeFormat = {
  id: 'doccano',
  name: 'doccano JSONL',
  offsetUnit: 'utf16',
  reads: ['.jsonl'],

  detect(files) {
    return files.some((file) => {
      if (!hasExtension(file, '.jsonl')) return false;
      const start = head(file);
      return start.startsWith('{') && /"(text|label|labels|entities)"\s*:/.test(start);
    });
  },

  parse(files) {
    const builder = new InterchangeBuilder();
    const inputs = files.filter((file) => hasExtension(file, '.jsonl'));
    if (inputs.length === 0) return fail([{ path: '', message: 'no .jsonl file to read' }]);
    for (const file of inputs) {
      const lines = file.content.replace(/^\uFEFF/, '').split('\n');
      for (let n = 0; n < lines.length && !builder.full; n++) {
        const raw = (lines[n] as string).replace(/\r$/, '');
        if (raw.trim() !== '') parseLine(raw, `${file.name}:${n + 1} $`, n + 1, builder);
      }
    }
    return builder.result();
  },

  serialize(set) {
    const lines = documentsWithClaims(set).map(({ document, claims }, i) => serializeLine(i + 1, document, claims));
    return [{ name: 'doccano.jsonl', content: lines.map((line) => `${line}\n`).join('') }];
  },
};

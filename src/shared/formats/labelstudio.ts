/**
 * Label Studio JSON: an array of tasks, `{id, data: {text, ...}, annotations: [{completed_by,
 * result: [{type: "labels", value: {start, end, text, labels}}]}], predictions}`.
 *
 * Offset unit: Unicode code points. Label Studio's own end-to-end test selects "test" in
 * "🐱 Warning: This is a test text" and expects start 21, end 25, which counts the cat as one
 * (HumanSignal/label-studio, web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts, "Should
 * calculate offsets by code points in text"); the change is "Store code points instead of js
 * length" (HumanSignal/label-studio#1559, via label-studio-frontend#308). Versions before it wrote
 * UTF-16 code units (HumanSignal/label-studio#1347, #1008): when a result's `value.text` matches
 * its text only read that way, the claim keeps that unit, as the quote is evidence of it.
 *
 * Written: one task per document, the text and our document id, title, language and sha256 in
 * `data`; one annotation per annotator (`completed_by: {email: <annotator>}`, created_at the
 * earliest and updated_at the latest of its claims, or its framing's time when it has none); one
 * `labels` result per claim with the claim id, span, quote and tags, and its note, attributes and
 * how it was made (`origin`, as the app records it) in the result's `meta` (the note as `text`,
 * which Label Studio shows as the region's notes); the annotator's document framing as one
 * `choices` result, as a `<Choices name="framing" toName="text" choice="multiple">` tag of the
 * labelling config records it. Lost: each claim's own times (the annotation's are kept), a
 * framing's own time beside claims (it reads back as its annotation's updated_at), a cleared
 * framing (Label Studio records no empty choice) and the codebook.
 *
 * Read: `labels` results of annotations (also `completions`, their name before Label Studio 1.0);
 * `choices` results that classify the whole text, as their annotator's document framing (several,
 * or several annotations of one annotator, are one framing). Skipped: cancelled annotations,
 * predictions (a model's, not an annotator's), choices for a region (`perRegion`) and every other
 * result type (textarea, rating, relation, ...).
 */
import { z } from 'zod';
import { type Annotation, ClaimAttributes } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import { fail, ok, type Problem, type Result } from '../result';
import { compareCodeUnits } from '../text/compare';
import { OffsetIndex } from '../text/offsets';
import {
  CUTS_ASTRAL,
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
  textAt,
} from './common';
import type {
  ClaimRecord,
  ClaimSelector,
  ExportDocument,
  ExportSet,
  FileEntry,
  InterchangeFormat,
} from './interchange';
import { parseJson, problemsFromZod } from './issues';
import { LABELLED_JSON_FORMAT } from './labelled-json';

const Task = z.looseObject(
  {
    id: z.union([z.number(), z.string()], { error: 'must be a number or a string' }).optional(),
    data: DocumentFields,
    annotations: z.array(z.unknown(), { error: 'must be a list' }).optional(),
    completions: z.array(z.unknown(), { error: 'must be a list' }).optional(),
    predictions: z.array(z.unknown(), { error: 'must be a list' }).optional(),
  },
  { error: 'must be a task object with data' },
);
type Task = z.infer<typeof Task>;

/** An ISO time; Label Studio before 1.0 wrote Unix seconds. */
const Time = z.union(
  [
    z.string(),
    z
      .number()
      .nonnegative()
      // Capped at the year 9999: toISOString throws on far-off times, and no export has them.
      .max(253_402_300_799)
      .transform((seconds) => new Date(seconds * 1000).toISOString()),
  ],
  {
    error: 'must be an ISO time or Unix seconds',
  },
);

const TaskAnnotation = z.looseObject(
  {
    completed_by: z
      .union([z.number(), z.string(), z.looseObject({ id: z.number().optional(), email: z.string().optional() })], {
        error: 'must be a user id, a name or a user object',
      })
      .nullish(),
    result: z.array(z.unknown(), { error: 'must be a list of results' }),
    was_cancelled: z.boolean({ error: 'must be true or false' }).optional(),
    created_at: Time.optional(),
    updated_at: Time.optional(),
  },
  { error: 'must be an annotation object' },
);
type TaskAnnotation = z.infer<typeof TaskAnnotation>;

const TaskResult = z.looseObject(
  {
    id: z.union([z.string(), z.number()], { error: 'must be a string or a number' }).optional(),
    type: z.string({ error: 'must name the result type' }),
    // Relation results have none.
    value: z.unknown().optional(),
  },
  { error: 'must be a result object' },
);

const LabelsValue = z.looseObject(
  {
    start: Offset,
    end: Offset,
    text: z.string({ error: 'must be the quoted text' }).optional(),
    labels: z
      .array(z.string({ error: 'must be a label name' }).min(1, { error: 'must not be empty' }), {
        error: 'must be a list of label names',
      })
      .min(1, { error: 'must name at least one label' }),
  },
  { error: 'must be an object with start, end and labels' },
);

/** A classification; with a start or end it is a region's (`perRegion`), not the whole text's. */
const ChoicesValue = z.looseObject(
  {
    choices: z.array(z.string({ error: 'must be a choice' }).min(1, { error: 'must not be empty' }), {
      error: 'must be a list of choices',
    }),
  },
  { error: 'must be an object with choices' },
);

/** The name of the Choices tag the export writes framing under. */
const FRAMING = 'framing';

/** When a file does not say when a text was classified. */
const UNDATED = new Date(0).toISOString();

/**
 * A region's `meta`: Label Studio shows `text` as the region's notes and keeps any other key as
 * written, so a claim's note goes in `text` and its speaker, stance, confidence and origin beside it.
 */
const RegionMeta = z.looseObject({
  text: z.array(z.string()).optional(),
  speaker: z.string().optional(),
  stance: z.string().optional(),
  confidence: z.string().optional(),
  origin: z.unknown().optional(),
});

/** A claim's attributes and origin from a region's meta; what does not fit a claim is left out, saying why. */
function metaOf(meta: unknown, at: string, builder: InterchangeBuilder): Pick<ClaimRecord, 'attributes' | 'madeBy'> {
  if (meta === undefined) return { attributes: {} };
  const parsed = RegionMeta.safeParse(meta);
  if (!parsed.success) {
    builder.skipped.push({ path: `${at}.meta`, message: 'region meta that is not notes and attributes was left out' });
    return { attributes: {} };
  }
  const { text, origin, ...rest } = parsed.data;
  const madeBy = readOrigin(origin, (why) => builder.skipped.push({ path: `${at}.meta.origin`, message: why }));
  return { attributes: attributesOf(text, rest, at, builder), ...(madeBy && { madeBy }) };
}

function attributesOf(
  text: string[] | undefined,
  rest: Omit<ClaimAttributes, 'note'>,
  at: string,
  builder: InterchangeBuilder,
): ClaimAttributes {
  const note = text?.join('\n\n');
  const attributes = ClaimAttributes.safeParse({
    speaker: rest.speaker,
    stance: rest.stance,
    confidence: rest.confidence,
    ...(note === undefined ? {} : { note }),
  });
  if (attributes.success) return attributes.data;
  builder.skipped.push({
    path: `${at}.meta`,
    message: `the region's attributes were left out: ${attributes.error.issues[0]?.message}`,
  });
  return note === undefined ? {} : { note };
}

/** Why the app cannot take a result of this type, by Label Studio control tag. */
const unsupported: Record<string, string> = {
  textarea: 'free text (textarea): the app has no free-text answers yet',
  rating: 'a rating of the whole text: the app has no document-level ratings yet',
  relation: 'a relation between regions: the app does not keep relations between claims yet',
  taxonomy: 'a taxonomy choice for the whole text: the app has no document-level labels yet',
};

/** Who made an annotation: the email or name Label Studio gives, or `user-<id>` for a bare user number. */
function annotatorOf(completedBy: TaskAnnotation['completed_by']): string | undefined {
  if (typeof completedBy === 'number') return `user-${completedBy}`;
  if (typeof completedBy === 'string') return completedBy || undefined;
  if (completedBy?.email) return completedBy.email;
  return completedBy?.id === undefined ? undefined : `user-${completedBy.id}`;
}

/** The task's text: `data.text`, or the only text field of `data` when the labelling config named it otherwise. */
function taskText(data: Task['data']): string | undefined {
  if (typeof data.text === 'string') return data.text;
  const texts = Object.entries(data).filter(
    ([key, value]) => typeof value === 'string' && !(key in DocumentFields.shape),
  );
  return texts.length === 1 ? (texts[0]?.[1] as string) : undefined;
}

/** The span of a labels result, in the unit its quote proves, or why it is none. */
function selectorOf(
  index: OffsetIndex,
  value: z.infer<typeof LabelsValue>,
  at: string,
): Result<ClaimSelector, Problem[]> {
  const { start, end, text } = value;
  const quote = text === undefined ? {} : { exact: text };
  const wrong = spanProblem(index, 'codepoint', start, end);
  if (!wrong && (text === undefined || textAt(index, 'codepoint', start, end) === text)) {
    return ok({ unit: 'codepoint', start, end, ...quote });
  }
  if (text !== undefined && textAt(index, 'utf16', start, end) === text) {
    // Read as UTF-16 the quote fits, but a span that cuts an astral character is no claim.
    const cut = spanProblem(index, 'utf16', start, end);
    if (!cut) return ok({ unit: 'utf16', start, end, ...quote });
    if (cut.message === CUTS_ASTRAL) return fail([{ path: `${at}.${cut.at}`, message: CUTS_ASTRAL }]);
  }
  if (wrong) return fail([{ path: `${at}.${wrong.at}`, message: wrong.message }]);
  const found = textAt(index, 'codepoint', start, end);
  return fail([
    {
      path: `${at}.text`,
      message: `the quote ${JSON.stringify(text)} does not match the task text at ${start}–${end}, which reads ${JSON.stringify(found)}`,
    },
  ]);
}

/** The input's framing by document and annotator: one label each, however many results give it. */
type Framing = Map<string, DocumentLabel>;

function addFraming(framing: Framing, label: DocumentLabel): void {
  const key = `${label.documentId}\u0000${label.annotator}`;
  const seen = framing.get(key);
  if (!seen) {
    framing.set(key, { ...label, tags: [...new Set(label.tags)] });
    return;
  }
  for (const tag of label.tags) if (!seen.tags.includes(tag)) seen.tags.push(tag);
  if (label.updatedAt > seen.updatedAt) seen.updatedAt = label.updatedAt;
}

/** An annotation's time as the ISO time a label needs; Label Studio writes microseconds, older versions anything. */
function labelTime(time: string | undefined): string {
  const ms = time === undefined ? Number.NaN : Date.parse(time);
  return Number.isNaN(ms) ? UNDATED : new Date(ms).toISOString();
}

interface TaskContext {
  documentId: string;
  sha256?: string;
  index: OffsetIndex;
  framing: Framing;
}

/** A `choices` result: a classification of the whole text is its annotator's framing of the document. */
function readChoices(
  value: unknown,
  path: string,
  by: { annotator?: string; time?: string },
  task: TaskContext,
  builder: InterchangeBuilder,
): void {
  const parsed = ChoicesValue.safeParse(value);
  if (!parsed.success) {
    builder.problems.push(...located(`${path}.value`, problemsFromZod(parsed.error)));
  } else if ('start' in parsed.data || 'end' in parsed.data) {
    builder.skipped.push({
      path,
      message: 'a choice for a region (perRegion), not for the whole text: the app keeps choices as document framing',
    });
  } else if (by.annotator === undefined) {
    builder.skipped.push({
      path,
      message: "a classification of the whole text by nobody (no completed_by): document framing is an annotator's",
    });
  } else {
    const { documentId } = task;
    const label = { documentId, annotator: by.annotator, tags: parsed.data.choices, updatedAt: labelTime(by.time) };
    addFraming(task.framing, label);
  }
}

function readAnnotation(raw: unknown, at: string, task: TaskContext, builder: InterchangeBuilder): void {
  const parsed = TaskAnnotation.safeParse(raw);
  if (!parsed.success) {
    builder.problems.push(...located(at, problemsFromZod(parsed.error)));
    return;
  }
  const annotation = parsed.data;
  if (annotation.was_cancelled) {
    builder.skipped.push({ path: at, message: 'a cancelled (skipped) annotation: the annotator gave no answer' });
    return;
  }
  const annotator = annotatorOf(annotation.completed_by);
  annotation.result.forEach((rawResult, k) => {
    const path = `${at}.result[${k}]`;
    const result = TaskResult.safeParse(rawResult);
    if (!result.success) {
      builder.problems.push(...located(path, problemsFromZod(result.error)));
      return;
    }
    const { id, type } = result.data;
    if (type === 'choices') {
      const time = annotation.updated_at ?? annotation.created_at;
      readChoices(result.data.value, path, { annotator, time }, task, builder);
      return;
    }
    if (type !== 'labels') {
      const why = unsupported[type] ?? `a "${type}" result: not a span of text the app can take`;
      builder.skipped.push({ path, message: why });
      return;
    }
    const value = LabelsValue.safeParse(result.data.value);
    if (!value.success) {
      builder.problems.push(...located(`${path}.value`, problemsFromZod(value.error)));
      return;
    }
    const selector = selectorOf(task.index, value.data, `${path}.value`);
    if (!selector.ok) {
      builder.problems.push(...selector.error);
      return;
    }
    builder.addClaim({
      ...(id === undefined ? {} : { id: String(id) }),
      documentId: task.documentId,
      ...(task.sha256 === undefined ? {} : { documentSha256: task.sha256 }),
      selector: selector.value,
      tags: value.data.labels,
      ...metaOf((rawResult as { meta?: unknown }).meta, path, builder),
      ...(annotator === undefined ? {} : { annotator }),
      ...(annotation.created_at === undefined ? {} : { createdAt: annotation.created_at }),
      ...(annotation.updated_at === undefined ? {} : { updatedAt: annotation.updated_at }),
      origin: path,
    });
  });
}

function readTask(raw: unknown, at: string, position: number, framing: Framing, builder: InterchangeBuilder): void {
  const parsed = Task.safeParse(raw);
  if (!parsed.success) {
    builder.problems.push(...located(at, problemsFromZod(parsed.error)));
    return;
  }
  const task = parsed.data;
  const text = taskText(task.data);
  if (text === undefined) {
    builder.problems.push({
      path: `${at}.data.text`,
      message: 'the task has no text: expected it in data.text (or as the only text field of data)',
    });
    return;
  }
  const { data } = task;
  const documentId = documentIdOf(data, task.id, `task-${position}`);
  builder.addDocument(
    { id: documentId, title: data.title, language: data.language, sha256: data.sha256, text },
    data.document_id !== undefined ? `${at}.data.document_id` : `${at}.id`,
  );
  const context = { documentId, sha256: data.sha256, index: new OffsetIndex(text), framing };
  for (const key of ['annotations', 'completions'] as const) {
    task[key]?.forEach((annotation, j) => {
      readAnnotation(annotation, `${at}.${key}[${j}]`, context, builder);
    });
  }
  task.predictions?.forEach((prediction, j) => {
    const model = (prediction as { model_version?: unknown } | null)?.model_version;
    builder.skipped.push({
      path: `${at}.predictions[${j}]`,
      message: `a model's prediction${typeof model === 'string' && model ? ` (${model})` : ''}, not an annotator's: accept it in Label Studio to import it`,
    });
  });
}

function looksLikeTasks(file: FileEntry): boolean {
  const start = head(file);
  return (
    (start.startsWith('[') || start.startsWith('{')) &&
    /"(data|annotations|completions|predictions)"\s*:/.test(start) &&
    !start.includes('"@context"') &&
    !start.includes(`"${LABELLED_JSON_FORMAT}"`)
  );
}

/** A claim's note, attributes and origin as a region's meta (see RegionMeta), or nothing when it has none. */
function regionMeta({ attributes: { note, speaker, stance, confidence }, origin }: Annotation) {
  const meta = {
    ...(note === undefined ? {} : { text: [note] }),
    ...(speaker === undefined ? {} : { speaker }),
    ...(stance === undefined ? {} : { stance }),
    ...(confidence === undefined ? {} : { confidence }),
    ...(origin === undefined ? {} : { origin: originRecord(origin) }),
  };
  return Object.keys(meta).length === 0 ? {} : { meta };
}

function regionResult(a: Annotation, document: ExportDocument, index: OffsetIndex) {
  return {
    id: a.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: {
      start: index.toCodePoint(a.target.start),
      end: index.toCodePoint(a.target.end),
      text: document.text.slice(a.target.start, a.target.end),
      labels: [...a.tags],
    },
    ...regionMeta(a),
  };
}

const framingResult = (label: DocumentLabel) => ({
  id: FRAMING,
  from_name: FRAMING,
  to_name: 'text',
  type: 'choices',
  value: { choices: [...label.tags] },
});

/** One annotation per annotator, in name order, with that annotator's claims in text order and framing last. */
function taskAnnotations(document: ExportDocument, claims: Annotation[], framing: DocumentLabel[]) {
  const index = new OffsetIndex(document.text);
  const chosen = framing.filter((l) => l.tags.length > 0);
  const annotators = [...new Set([...claims.map((a) => a.annotator), ...chosen.map((l) => l.annotator)])].sort(
    compareCodeUnits,
  );
  return annotators.map((annotator) => {
    const own = claims.filter((a) => a.annotator === annotator);
    const label = chosen.find((l) => l.annotator === annotator);
    // The claims' times, which they read back as; an annotation of framing alone has the framing's.
    const timed = own.length > 0 || !label ? own : [{ createdAt: label.updatedAt, updatedAt: label.updatedAt }];
    const created = timed.map((a) => a.createdAt).sort(compareCodeUnits);
    const updated = timed.map((a) => a.updatedAt).sort(compareCodeUnits);
    return {
      completed_by: { email: annotator },
      result: [...own.map((a) => regionResult(a, document, index)), ...(label ? [framingResult(label)] : [])],
      was_cancelled: false,
      created_at: created[0],
      updated_at: updated[updated.length - 1],
    };
  });
}

const framingOf = (set: ExportSet, document: ExportDocument) =>
  (set.documentLabels ?? []).filter((l) => l.documentId === document.id);

export const labelStudioFormat: InterchangeFormat = {
  id: 'labelstudio',
  name: 'Label Studio JSON',
  leavesOut: ['claim-times', 'codebook'],
  offsetUnit: 'codepoint',
  reads: ['.json'],

  detect(files) {
    return files.some((file) => hasExtension(file, '.json') && looksLikeTasks(file));
  },

  parse(files) {
    const builder = new InterchangeBuilder();
    const framing: Framing = new Map();
    const inputs = files.filter((file) => hasExtension(file, '.json'));
    if (inputs.length === 0) return fail([{ path: '', message: 'no .json file to read' }]);
    for (const file of inputs) {
      const json = parseJson(file.content.replace(/^\uFEFF/, ''));
      if (!json.ok) {
        builder.problems.push(...located(`${file.name} $`, json.error));
        continue;
      }
      // An export is an array of tasks; a single task object is accepted too.
      const tasks = Array.isArray(json.value) ? json.value : [json.value];
      const at = (i: number) => (Array.isArray(json.value) ? `${file.name} $[${i}]` : `${file.name} $`);
      for (let i = 0; i < tasks.length && !builder.full; i++) readTask(tasks[i], at(i), i + 1, framing, builder);
    }
    const built = builder.result();
    return built.ok ? ok({ ...built.value, documentLabels: [...framing.values()] }) : built;
  },

  serialize(set) {
    const tasks = documentsWithClaims(set).map(({ document, claims }, i) => ({
      id: i + 1,
      data: { text: document.text, ...documentFields(document) },
      annotations: taskAnnotations(document, claims, framingOf(set, document)),
      predictions: [],
    }));
    return [{ name: 'labelstudio.json', content: `${JSON.stringify(tasks, null, 2)}\n` }];
  },
};

/**
 * Helpers the interchange formats share: ordering, offset checks with located problems, and a
 * builder that collects a parse's documents, claims and problems.
 */
import { z } from 'zod';
import { Annotation, compareByPosition, type Origin } from '../model/annotation';
import { DocumentId } from '../model/document';
import { fail, ok, type Problem, type Result } from '../result';
import { compareCodeUnits } from '../text/compare';
import { type OffsetIndex, splitsSurrogatePair } from '../text/offsets';
import type {
  ClaimRecord,
  DocumentRecord,
  ExportDocument,
  ExportSet,
  FileEntry,
  Interchange,
  OffsetUnit,
} from './interchange';
import { parseJson, problemsFromZod } from './issues';

/** Beyond this many claims an input is refused: no real corpus has them, and holding them would stall the app. */
export const MAX_CLAIMS = 1_000_000;
/** A refusal lists this many problems at most; the rest are counted. */
const MAX_PROBLEMS = 100;

/** The order every format writes claims in: by document, then as they stand in the text. */
export const inFileOrder = (
  a: Pick<Annotation, 'documentId' | 'id' | 'target'>,
  b: Pick<Annotation, 'documentId' | 'id' | 'target'>,
) => compareCodeUnits(a.documentId, b.documentId) || compareByPosition(a, b);

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
export type DocumentFields = z.infer<typeof DocumentFields>;

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
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((document) => ({ document, claims: (claims.get(document.id) ?? []).sort(compareByPosition) }));
}

/** An origin with its fields in a fixed order, whatever order the claim was built in, so equal claims write equal bytes. */
export function originRecord(origin: Origin): Origin {
  return origin.kind === 'search'
    ? { kind: origin.kind, query: origin.query, regex: origin.regex, extent: origin.extent }
    : { kind: origin.kind, source: origin.source, score: origin.score };
}

const OriginSchema = Annotation.shape.origin.unwrap();

/**
 * A file's account of how a claim was made (undefined where it says nothing), checked as the app's
 * own claims are: a file may say anything, and a claim is better without an origin than with a
 * false one. What the app cannot keep is left out, and `leftOut` told why for the import report
 * (the first problem, as "(field): why"); the claim itself is kept.
 */
export function readOrigin(value: unknown, leftOut: (why: string) => void): Origin | undefined {
  if (value === undefined) return undefined;
  const parsed = OriginSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // A failed parse has an issue; the first says enough for the report.
  const first = problemsFromZod(parsed.error)[0] as Problem;
  leftOut(originLeftOut(first.path.slice(2), first.message));
  return undefined;
}

const originLeftOut = (field: string, why: string) =>
  `how the claim was made was left out${field === '' ? '' : ` (${field})`}: ${why}`;

/** An origin as one line of JSON, for formats that hold it in a line of text (a note, a comment). */
export const originText = (origin: Origin) => JSON.stringify(originRecord(origin));

/** The origin `originText` wrote, read as `readOrigin` reads one. */
export function readOriginText(text: string, leftOut: (why: string) => void): Origin | undefined {
  const json = parseJson(text);
  if (json.ok) return readOrigin(json.value, leftOut);
  leftOut(originLeftOut('', (json.error[0] as Problem).message));
  return undefined;
}

/** Zod problems found in a part of the input, placed under that part's location ("f.jsonl:3 $.label[1]"). */
export function located(prefix: string, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ path: prefix + p.path.slice(1), message: p.message }));
}

const unitName = (unit: OffsetUnit) => (unit === 'utf16' ? 'UTF-16 code units' : 'code points');

/** Why a span whose start or end falls between the two halves of a surrogate pair is refused. */
export const CUTS_ASTRAL = 'the span cuts an emoji or other astral character in half';

/** Stands for unknown context: a quote that starts (ends) with half a pair is then taken to cut it. */
const UNKNOWN_BEFORE = '\uD83D';
const UNKNOWN_AFTER = '\uDE00';

/**
 * Which end of a quote cuts a surrogate pair, judged by the quote and its context: a quote that
 * starts with the second half of a pair its prefix ends with the first half of (or ends with the
 * first half of a pair its suffix completes) was cut out of the middle of an astral character.
 * Missing context counts as completing the pair, so such a quote is never searched for in a text.
 */
export function quoteCut(quote: { exact: string; prefix?: string; suffix?: string }): 'start' | 'end' | undefined {
  // An empty quote selects nothing, so it cuts nothing; formats refuse it on their own terms.
  if (quote.exact === '') return undefined;
  const before = quote.prefix ?? UNKNOWN_BEFORE;
  const whole = before + quote.exact + (quote.suffix ?? UNKNOWN_AFTER);
  if (splitsSurrogatePair(whole, before.length)) return 'start';
  if (splitsSurrogatePair(whole, before.length + quote.exact.length)) return 'end';
  return undefined;
}

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
        return { at, message: CUTS_ASTRAL };
      }
    }
  }
  return undefined;
}

/** Why a quote `quoteCut` found cutting an astral character is refused. */
export const quoteCutMessage = (at: 'start' | 'end') =>
  at === 'start'
    ? 'the quote starts with the second half of an emoji or other astral character: it cuts one in half'
    : 'the quote ends with the first half of an emoji or other astral character: it cuts one in half';

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

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): per document a `<base>.txt` holding the
 * text and a `<base>.ann` holding the annotations, plus `annotation.conf` and `visual.conf` for the
 * codebook. The base is the document id without a trailing `.txt` ('news/b.txt' → 'news/b.txt' and
 * 'news/b.ann'; 'x.md' → 'x.md.txt' and 'x.md.ann').
 *
 * Offset unit: Unicode code points. brat's server reads the .txt into a Python unicode string and
 * checks every offset against it (nlplab/brat server/src/annotation.py, TextAnnotations), so an
 * emoji counts 1 and CRLF counts 2. (brat's web editor has a known bug counting CRLF as 1 when
 * annotating, nlplab/brat#853; offsets written here follow the server, which brat verifies.) A .txt
 * that starts with a UTF-8 byte order mark is read without it; brat counts the mark as offset 0
 * (see readWithMark).
 *
 * A claim is written as
 *   T  `T1\t<first tag> <start> <end>[;<start> <end>...]\t<text>`. A .ann line cannot hold a line
 *      break, so a span over one is cut into fragments that leave out the line-break characters,
 *      and the text field joins the fragments' texts with a space, as brat does.
 *   A  `A1\talso-<tag> T1` for each further tag: a yes/no attribute per tag, because brat keeps one
 *      value per attribute name and a repeated `Tag` attribute would collapse in its editor;
 *      `A2\tStance T1 disputed` and `A3\tConfidence T1 high` for the app's attributes.
 *   #  `#1\tAnnotatorNotes T1\t<key>: <value>` for the claim's id, annotator, speaker, note and
 *      origin (how it was made, as one line of JSON), one line each; brat shows them together as
 *      the annotation's note. Values escape `\` as `\\` and line breaks as `\n`, `\r` or `\uXXXX`.
 * Lost on the way: times, codebook id and version. Leading and trailing line breaks of a span
 * cannot be written (brat has no fragment for them), and a claim of nothing but line breaks is
 * left out.
 *
 * Read: a T whose fragments are separated by nothing but line breaks (as written above, and as
 * brat's editor cuts a selection over lines) is one claim over them. Any other discontinuous T is
 * skipped with its offsets: a claim is one range, and widening it over the gap would claim words
 * the annotator left out. Free-form
 * AnnotatorNotes (not `key: value` with our keys) become the claim's note. A Stance or Confidence
 * value is matched, whatever its case, to a value's id or label: the app's standard values
 * ("Disputed" is `disputed`, "Neutral / reported" is `reported`) and those annotation.conf
 * declares (brat projects spell theirs as they like: "HIGH" is `high`); any other value is
 * skipped with its line, and so is an origin the app does not know. Relations, events (with their
 * trigger Ts), equivalences, normalizations, other comments and unknown attributes are skipped with
 * a reason. The .conf files are optional: the types are in the .ann.
 */
import { type Annotation, compareByPosition, isLive, textTarget } from '../model/annotation';
import { type AttributeValue, type Codebook, DEFAULT_ATTRIBUTES, ValueId } from '../model/codebook';
import { DocumentId } from '../model/document';
import { fail, ok, type Problem, type Result } from '../result';
import { compareCodeUnits } from '../text/compare';
import { splitLines } from '../text/lines';
import { OffsetIndex } from '../text/offsets';
import { originText, readOriginText } from './common';
import type { ClaimRecord, DocumentRecord, ExportSet, FileEntry, Interchange, InterchangeFormat } from './interchange';
import { problemsFromZod } from './issues';

/** An input with more .ann lines than this is refused before it is read. */
export const MAX_LINES = 1_000_000;
/** A refusal lists this many problems at most; the rest are counted. */
const MAX_PROBLEMS = 100;

/** Prefix of the yes/no attribute that carries each tag after the first. */
const ALSO = 'also-';
const NOTE_TYPE = 'AnnotatorNotes';
const NOTE_KEYS = ['id', 'annotator', 'speaker', 'note', 'origin'] as const;

type Valued = 'stance' | 'confidence';

/** brat's valued attributes and the claim attribute each one fills; their values are the codebook's. */
const VALUED = new Map<string, Valued>([
  ['Stance', 'stance'],
  ['Confidence', 'confidence'],
]);

/** The codebook's values for an attribute, and any other value the exported claims use. */
const valuesOf = (codebook: Codebook, claims: readonly Annotation[], key: 'stance' | 'confidence'): string[] => {
  const values = codebook.attributes[key].map((v) => v.id);
  const used = claims.flatMap((c) => c.attributes[key] ?? []).filter((v) => !values.includes(v));
  return [...values, ...new Set(used)];
};

/**
 * What Python's str.splitlines breaks at: brat reads a .ann line by line with it, so none of these
 * may appear inside a line we write.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: \x1c-\x1e are line separators to Python
const LINE_BREAK = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/g;

/** brat's annotation ids (annotation.py): letters or `#` and letters, a number, any tail; or `*`. */
const ANNOTATION_ID = /^(?:[A-Za-z]+|#[A-Za-z]*)[0-9]+.*$|^\*$/s;

/** A stretch of the text in UTF-16 code units. */
interface Range {
  start: number;
  end: number;
}

// Writing

/** brat's storage form for a type name (projectconfig.py): anything but [A-Za-z0-9_-] becomes `_`. */
const typeName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(LINE_BREAK, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function unescapeValue(value: string): string {
  return value.replace(/\\(\\|n|r|u[0-9a-fA-F]{4})/g, (_, code: string) => {
    if (code === '\\') return '\\';
    if (code === 'n') return '\n';
    if (code === 'r') return '\r';
    return String.fromCharCode(Number.parseInt(code.slice(1), 16));
  });
}

/** The parts of [start, end) between line breaks: the fragments brat can hold. */
function fragmentsOf(text: string, start: number, end: number): Range[] {
  const fragments: Range[] = [];
  let from = start;
  for (const lineBreak of text.slice(start, end).matchAll(LINE_BREAK)) {
    const at = start + lineBreak.index;
    if (at > from) fragments.push({ start: from, end: at });
    from = at + lineBreak[0].length;
  }
  if (end > from) fragments.push({ start: from, end });
  return fragments;
}

function annFile(text: string, claims: readonly Annotation[]): string {
  const index = new OffsetIndex(text);
  const lines: string[] = [];
  const next = { T: 0, A: 0, '#': 0 };
  for (const claim of claims) {
    const fragments = fragmentsOf(text, claim.target.start, claim.target.end);
    if (fragments.length === 0) continue;
    const id = `T${++next.T}`;
    const offsets = fragments.map((f) => `${index.toCodePoint(f.start)} ${index.toCodePoint(f.end)}`).join(';');
    const quote = fragments.map((f) => text.slice(f.start, f.end)).join(' ');
    const [first = '', ...further] = claim.tags;
    lines.push(`${id}\t${typeName(first)} ${offsets}\t${quote}`);
    for (const tag of further) lines.push(`A${++next.A}\t${ALSO}${typeName(tag)} ${id}`);
    for (const [name, key] of VALUED) {
      const value = claim.attributes[key];
      if (value !== undefined) lines.push(`A${++next.A}\t${name} ${id} ${value}`);
    }
    const notes = {
      id: claim.id,
      annotator: claim.annotator,
      ...claim.attributes,
      origin: claim.origin && originText(claim.origin),
    };
    for (const key of NOTE_KEYS) {
      const value = notes[key];
      if (value !== undefined) lines.push(`#${++next['#']}\t${NOTE_TYPE} ${id}\t${key}: ${escapeValue(value)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** A label for visual.conf, where `|` separates labels and a tab ends them. */
const cleanLabel = (label: string, fallback: string) =>
  label.replace(LINE_BREAK, ' ').replace(/[|\t]/g, ' ').trim() || fallback;

/** annotation.conf and visual.conf: the codebook's tags, then any other tag a claim uses. */
function confFiles(
  codebook: Codebook,
  claims: readonly Annotation[],
  otherTags: ExportSet['otherTags'] = new Map(),
): FileEntry[] {
  const known = new Set(codebook.tags.map((t) => t.id));
  const others = [...new Set(claims.flatMap((c) => c.tags))].filter((id) => !known.has(id)).sort(compareCodeUnits);
  const tags = [
    ...codebook.tags.map((t) => ({ type: typeName(t.id), label: cleanLabel(t.label, t.id), colour: t.colour })),
    ...others.map((id) => {
      const named = otherTags.get(id);
      return { type: typeName(id), label: cleanLabel(named?.label ?? id, id), colour: named?.colour };
    }),
  ];
  const annotationConf = [
    `# ${cleanLabel(codebook.name, codebook.id)} (${codebook.id} v${codebook.version}), from Framing Workbench.`,
    "# Entities are the tags; a claim's further tags are the also- attributes.",
    '[entities]',
    ...tags.map((t) => t.type),
    '',
    '[relations]',
    '',
    '[events]',
    '',
    '[attributes]',
    ...[...VALUED].map(([name, key]) => `${name}\tArg:<ENTITY>, Value:${valuesOf(codebook, claims, key).join('|')}`),
    ...tags.map((t) => `${ALSO}${t.type}\tArg:<ENTITY>`),
  ];
  const visualConf = [
    '[labels]',
    ...tags.map((t) => `${t.type} | ${t.label}`),
    ...tags.map((t) => `${ALSO}${t.type} | Also: ${t.label}`),
    ...[...VALUED.keys()].map((name) => `${name} | ${name}`),
    '',
    '[drawing]',
    ...tags.flatMap((t) => (t.colour ? [`${t.type}\tbgColor:${t.colour}`] : [])),
  ];
  return [
    { name: 'annotation.conf', content: `${annotationConf.join('\n')}\n` },
    { name: 'visual.conf', content: `${visualConf.join('\n')}\n` },
  ];
}

function serialize(set: ExportSet): FileEntry[] {
  const live = set.annotations.filter(isLive);
  const files = confFiles(set.codebook, live, set.otherTags);
  for (const doc of set.documents) {
    const base = doc.id.endsWith('.txt') ? doc.id.slice(0, -'.txt'.length) : doc.id;
    const claims = live.filter((a) => a.documentId === doc.id).sort(compareByPosition);
    files.push({ name: `${base}.txt`, content: doc.text }, { name: `${base}.ann`, content: annFile(doc.text, claims) });
  }
  return files.sort((a, b) => compareCodeUnits(a.name, b.name));
}

// Reading

/** One .ann line split the way brat splits it: id, tab, data, and after a second tab the tail. */
interface AnnLine {
  id: string;
  data: string;
  tail?: string;
  where: string;
}

/** What the files say so far; any problem refuses the whole input. */
interface Found {
  claims: ClaimRecord[];
  skipped: Problem[];
  problems: Problem[];
}

/** A claim being read: its notes are joined once every line is in. */
interface Claim {
  record: ClaimRecord;
  notes: string[];
}

/** An attribute or note line, read: what it attaches to, and how; `apply` returns why not, if not. */
interface Link {
  target: string;
  apply(claim: Claim): string | undefined;
}

const NOT_IMPORTED: Record<string, string> = {
  E: 'an event: the app keeps claims, not events',
  R: 'a relation between annotations: the app has no links between claims',
  '*': 'an equivalence between annotations: the app has no links between claims',
  N: 'a normalization (a link to an outside database): the app does not keep these',
};

/** A quote for a message: short, with line breaks and tabs visible. */
const shown = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** 'x.md.txt' is what serialize writes for the corpus file 'x.md'; any other .txt is a corpus file itself. */
const documentIdOf = (txtName: string) => (txtName.endsWith('.md.txt') ? txtName.slice(0, -'.txt'.length) : txtName);

/** Counts .ann lines only up to the limit, so a huge input costs no more than the check. */
function tooManyLines(files: readonly FileEntry[]): boolean {
  let lines = 0;
  for (const { name, content } of files) {
    if (!name.endsWith('.ann')) continue;
    for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) {
      if (++lines > MAX_LINES) return true;
    }
  }
  return false;
}

function splitAnn(file: FileEntry, found: Found): AnnLine[] {
  const lines: AnnLine[] = [];
  const seen = new Set<string>();
  splitLines(file.content).forEach(({ start, end }, i) => {
    const line = file.content.slice(start, end);
    const where = `${file.name}:${i + 1}`;
    if (line.trim() === '') return;
    const tab = line.indexOf('\t');
    const id = line.slice(0, Math.max(tab, 0));
    if (tab < 0 || !ANNOTATION_ID.test(id)) {
      found.problems.push({
        path: where,
        message: 'not a brat annotation: expected an id such as T1, a tab, then the rest',
      });
    } else if (id !== '*' && seen.has(id)) {
      found.problems.push({ path: where, message: `the id ${id} is used twice` });
    } else {
      seen.add(id);
      const rest = line.slice(tab + 1);
      const second = rest.indexOf('\t');
      lines.push(
        second < 0
          ? { id, data: rest, where }
          : { id, data: rest.slice(0, second), tail: rest.slice(second + 1), where },
      );
    }
  });
  return lines;
}

/** Reads an offset as brat's int() would, refusing what brat would not mean. */
function readOffset(token: string): number | string {
  if (!/^-?\d+$/.test(token)) return `the offset ${shown(token)} is not a whole number`;
  const value = Number(token);
  return value < 0 ? `the offset ${token} is negative` : value;
}

/**
 * A T line's type and fragments (in UTF-16 code units), checked against the text: each offset, the
 * order within each fragment, no overlap between fragments, and the text field, which must start
 * with the fragments' texts joined by a space (brat allows more after white space, or no text).
 */
function readTextBound(
  line: AnnLine,
  index: OffsetIndex,
  txtName: string,
): { type: string; fragments: Range[]; offsets: string } | string {
  const space = line.data.indexOf(' ');
  if (space <= 0) return 'a text-bound annotation needs "TYPE START END"';
  const length = index.codePointLength;
  const fragments: Range[] = [];
  for (const pair of line.data.slice(space + 1).split(';')) {
    const match = /^(\S+) (\S+)\s*$/.exec(pair);
    if (!match) return `${shown(pair)} is not an offset pair "START END"`;
    const start = readOffset(match[1] as string);
    const end = readOffset(match[2] as string);
    if (typeof start === 'string') return start;
    if (typeof end === 'string') return end;
    if (end < start) return `the fragment ${start} ${end} ends before it starts`;
    if (end > length) return `the offset ${end} is past the end of ${txtName} (${length} characters)`;
    fragments.push({ start: index.toUtf16(start), end: index.toUtf16(end) });
  }
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  if (sorted.some((f, i) => i > 0 && f.start < (sorted[i - 1] as Range).end)) return 'the fragments overlap';
  const expected = fragments.map((f) => index.text.slice(f.start, f.end)).join(' ');
  const given = line.tail ?? '';
  if (given.trim() !== '' && (!given.startsWith(expected) || /^\S/.test(given.slice(expected.length)))) {
    return `the text ${shown(given)} does not match ${txtName}, which has ${shown(expected)} there`;
  }
  return { type: line.data.slice(0, space), fragments, offsets: line.data.slice(space + 1).trim() };
}

type KnownValues = Record<Valued, AttributeValue[]>;

/**
 * The values Stance and Confidence can take in an input: the app's standard ones, then those
 * annotation.conf declares, as ids where they can be ones (projectconfig.py:
 * `NAME\tArg:<ENTITY>, Value:a|b|c`, arguments split at ',').
 */
function knownValues(files: readonly FileEntry[]): KnownValues {
  const known: KnownValues = { stance: [...DEFAULT_ATTRIBUTES.stance], confidence: [...DEFAULT_ATTRIBUTES.confidence] };
  for (const conf of files.filter((f) => /(^|\/)annotation\.conf$/.test(f.name))) {
    let section = '';
    for (const line of conf.content.split(/\r?\n/).map((l) => l.trim())) {
      if (line.startsWith('[')) section = line;
      const [, name = '', args = ''] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
      const key = VALUED.get(name);
      if (section !== '[attributes]' || !key) continue;
      const values = args.split(',').flatMap((arg) => /^\s*Value:(\S*)\s*$/.exec(arg)?.[1]?.split('|') ?? []);
      for (const label of values) {
        const id = ValueId.safeParse(label.toLowerCase());
        if (id.success) known[key].push({ id: id.data, label });
      }
    }
  }
  return known;
}

/** The value id `written` names among `values`, by id or label whatever the case. */
function valueId(values: readonly AttributeValue[], written: string): string | undefined {
  const wanted = written.trim().toLowerCase();
  return values.find((v) => v.id === wanted || v.label.toLowerCase() === wanted)?.id;
}

/** `NAME TARGET [VALUE]`: an also- tag, Stance or Confidence; other attributes are skipped. */
function readAttribute({ data }: AnnLine, known: KnownValues): Link | string {
  const [name = '', target = '', ...words] = data.split(' ');
  if (name === '' || target === '') return 'an attribute needs "NAME TARGET" and maybe a value';
  const value = words.length > 0 ? words.join(' ') : undefined;
  const key = VALUED.get(name);
  return {
    target,
    apply({ record }) {
      if (name.startsWith(ALSO) && name.length > ALSO.length && value === undefined) {
        const tag = name.slice(ALSO.length);
        if (!record.tags.includes(tag)) record.tags.push(tag);
        return undefined;
      }
      if (!key) {
        return `the attribute ${shown(value === undefined ? name : `${name} ${value}`)} has no place in the app`;
      }
      if (value === undefined) return `${name} has no value`;
      const id = valueId(known[key], value);
      if (id === undefined) {
        const ids = [...new Set(known[key].map((v) => v.id))].join(', ');
        return `${name} ${shown(value)} matches none of its values (${ids}) by id or label`;
      }
      record.attributes[key] = id;
      return undefined;
    },
  };
}

/** `AnnotatorNotes TARGET` then the text: our `key: value` lines, or a free note. */
function readNote({ data, tail = '' }: AnnLine): Link | string {
  const [type, target, ...more] = data.split(/\s+/).filter((word) => word !== '');
  if (type === undefined || target === undefined || more.length > 0) {
    return 'a note needs "TYPE TARGET", a tab, then its text';
  }
  return {
    target,
    apply(claim) {
      if (type !== NOTE_TYPE) return `a ${shown(type)} comment: only ${NOTE_TYPE} are read`;
      const keyed = /^(id|annotator|speaker|note|origin): ?(.*)$/s.exec(tail);
      const value = unescapeValue(keyed?.[2] ?? '');
      if (keyed?.[1] === 'origin') {
        let leftOut: string | undefined;
        const origin = readOriginText(value, (why) => {
          leftOut = why;
        });
        if (origin) claim.record.madeBy = origin;
        return leftOut;
      }
      if (keyed?.[1] === 'id') claim.record.id = value;
      else if (keyed?.[1] === 'annotator') claim.record.annotator = value;
      else if (keyed?.[1] === 'speaker') claim.record.attributes.speaker = value;
      else if (keyed?.[1] === 'note') claim.notes.push(value);
      else if (tail.trim() !== '') claim.notes.push(tail.trim());
      return undefined;
    },
  };
}

/**
 * Reads one .ann against its text into `found`. `asRead` is the .txt as the offsets count it;
 * the claims are placed in the served text, which is `asRead` without its first `skip` UTF-16 units.
 */
function readAnn(
  ann: FileEntry,
  txt: { name: string; asRead: string; skip: number },
  documentId: string,
  known: KnownValues,
  found: Found,
): void {
  const index = new OffsetIndex(txt.asRead);
  const served = new OffsetIndex(txt.asRead.slice(txt.skip));
  const problem = (path: string, message: string) => found.problems.push({ path, message });
  // Each line is skipped at most once; they are reported in file order.
  const skipped = new Map<AnnLine, string>();
  const skip = (line: AnnLine, why: string) => skipped.set(line, why);
  const lines = splitAnn(ann, found);
  const ids = new Set(lines.map((line) => line.id));
  const triggers = new Map<string, string>();
  const spans: { line: AnnLine; type: string; fragments: Range[]; offsets: string }[] = [];
  const links: { line: AnnLine; link: Link }[] = [];

  for (const line of lines) {
    const kind = line.id[0] as string;
    if (kind === 'T') {
      const span = readTextBound(line, index, txt.name);
      if (typeof span === 'string') problem(line.where, span);
      else spans.push({ line, ...span });
    } else if (kind === 'A' || kind === 'M' || kind === '#') {
      // M is brat's older name for a yes/no attribute.
      const link = kind === '#' ? readNote(line) : readAttribute(line, known);
      if (typeof link === 'string') problem(line.where, link);
      else links.push({ line, link });
    } else if (Object.hasOwn(NOT_IMPORTED, kind)) {
      if (kind === 'E') {
        // An event's trigger is a T line of its own, which goes with the event.
        const trigger = /^[^\s:]+:(\S+)/.exec(line.data)?.[1];
        if (trigger === undefined) problem(line.where, 'an event needs "TYPE:TRIGGER" first');
        else triggers.set(trigger, line.id);
      }
      skip(line, NOT_IMPORTED[kind] as string);
    } else {
      problem(line.where, `${shown(line.id)} is no kind of brat annotation (T, A, M, N, R, E, * or #)`);
    }
  }

  const claims = new Map<string, Claim>();
  for (const { line, type, fragments, offsets } of spans) {
    const event = triggers.get(line.id);
    const sorted = [...fragments].sort((a, b) => a.start - b.start);
    const start = Math.max(0, (sorted[0] as Range).start - txt.skip);
    const end = Math.max(0, (sorted[sorted.length - 1] as Range).end - txt.skip);
    // Fragments apart only by line breaks are one range cut where a .ann line cannot go on.
    const gapped = sorted.some(
      (f, i) => i > 0 && index.text.slice((sorted[i - 1] as Range).end, f.start).replace(LINE_BREAK, '') !== '',
    );
    if (event) skip(line, `the trigger of event ${event}: events are not imported`);
    else if (gapped) skip(line, `discontinuous span ${offsets}: Framing Workbench claims are one range`);
    else if (end === start) skip(line, 'an empty span: there is nothing to tag');
    else {
      const { exact, prefix, suffix } = textTarget(served, start, end);
      const selector = { unit: 'codepoint' as const, start: served.toCodePoint(start), end: served.toCodePoint(end) };
      claims.set(line.id, {
        record: {
          documentId,
          selector: { ...selector, exact, prefix, suffix },
          tags: [type],
          attributes: {},
          origin: line.where,
        },
        notes: [],
      });
    }
  }

  for (const { line, link } of links) {
    const claim = claims.get(link.target);
    const why = claim ? link.apply(claim) : `it belongs to ${link.target}, which is not imported`;
    if (!ids.has(link.target)) problem(line.where, `it refers to ${link.target}, which is not in ${ann.name}`);
    else if (why) skip(line, why);
  }

  for (const line of lines) {
    const message = skipped.get(line);
    if (message !== undefined) found.skipped.push({ path: line.where, message });
  }
  for (const { record, notes } of claims.values()) {
    if (notes.length > 0) record.attributes.note = notes.join('\n');
    found.claims.push(record);
  }
}

/**
 * A .txt that starts with a byte order mark is served without it (the corpus reader drops it too),
 * but its .ann may count it. brat's server does: it reads the .txt with Python's 'utf8' codec,
 * which keeps the mark as the character U+FEFF (annotation.py, open_textfile), and checks every
 * offset against that string, so the text starts at offset 1. The .ann is read that way; only if
 * that reading fails and one that does not count the mark succeeds (a tool that dropped it before
 * counting) is the other taken. Either way the claims land on the same words of the served text.
 */
function readWithMark(
  ann: FileEntry,
  txt: { name: string; content: string },
  documentId: string,
  known: KnownValues,
  found: Found,
): void {
  const { content } = txt;
  const attempt = (asRead: string, skip: number): Found => {
    const own: Found = { claims: [], skipped: [], problems: [] };
    readAnn(ann, { name: txt.name, asRead, skip }, documentId, known, own);
    return own;
  };
  let read = attempt(content, content.startsWith('\uFEFF') ? 1 : 0);
  if (content.startsWith('\uFEFF') && read.problems.length > 0) {
    const uncounted = attempt(content.slice(1), 0);
    if (uncounted.problems.length === 0) read = uncounted;
  }
  found.claims.push(...read.claims);
  found.skipped.push(...read.skipped);
  found.problems.push(...read.problems);
}

function parse(files: readonly FileEntry[]): Result<Interchange, Problem[]> {
  const firstAnn = files.find((f) => f.name.endsWith('.ann'))?.name ?? '';
  if (tooManyLines(files)) {
    return fail([
      {
        path: firstAnn,
        message: `more than ${MAX_LINES.toLocaleString('en')} annotation lines: too many to import at once`,
      },
    ]);
  }
  const byName = new Map(files.map((f) => [f.name, f]));
  const known = knownValues(files);
  const found: Found = { claims: [], skipped: [], problems: [] };
  const documents: DocumentRecord[] = [];
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const base = file.name.slice(0, file.name.lastIndexOf('.'));
    const txt = byName.get(`${base}.txt`);
    if (file.name.endsWith('.conf')) continue;
    if (file.name.endsWith('.txt')) {
      if (!byName.has(`${base}.ann`)) {
        found.skipped.push({ path: file.name, message: `no ${base}.ann beside it, so no claims to read` });
      }
    } else if (!file.name.endsWith('.ann')) {
      found.skipped.push({ path: file.name, message: 'not a brat file (.ann, .txt or .conf)' });
    } else if (!txt) {
      found.problems.push({
        path: file.name,
        message: `${base}.txt is missing: the offsets cannot be checked without the text`,
      });
    } else {
      const id = DocumentId.safeParse(documentIdOf(txt.name));
      if (id.success) {
        const text = txt.content.replace(/^\uFEFF/, '');
        documents.push({ id: id.data, text });
        const ann = { ...file, content: file.content.replace(/^\uFEFF/, '') };
        readWithMark(ann, txt, id.data, known, found);
      } else {
        found.problems.push(
          ...problemsFromZod(id.error).map((p) => ({
            path: txt.name,
            message: `as a document id, the name ${p.message}`,
          })),
        );
      }
    }
  }
  const { problems } = found;
  if (problems.length > MAX_PROBLEMS) {
    const rest = {
      path: problems[MAX_PROBLEMS]?.path ?? firstAnn,
      message: `and ${problems.length - MAX_PROBLEMS} more problems`,
    };
    return fail([...problems.slice(0, MAX_PROBLEMS), rest]);
  }
  if (problems.length > 0) return fail(problems);
  return ok({ documents, claims: found.claims, tombstones: [], skipped: found.skipped });
}

export const bratFormat: InterchangeFormat = {
  id: 'brat',
  name: 'brat standoff',
  leavesOut: ['claim-times', 'codebook', 'document-framing'],
  offsetUnit: 'codepoint',
  reads: ['.ann', '.txt', '.conf'],
  /** By name alone: .ann is brat's own extension, and every file must be one brat reads. */
  detect: (files) => files.some((f) => f.name.endsWith('.ann')) && files.every((f) => /\.(ann|txt|conf)$/.test(f.name)),
  parse,
  serialize,
};

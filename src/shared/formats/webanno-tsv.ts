/**
 * WebAnno TSV 3.3, the tab-separated format INCEpTION (and WebAnno before it) imports and exports
 * annotated documents in: one `<document id>.tsv` per document ('news/b.txt' → 'news/b.txt.tsv').
 * Written from INCEpTION's description of the format (inception-io-webanno-tsv, user guide
 * "WebAnno TSV 3.3 File format") and checked against its reader and writer (Tsv3XDeserializer,
 * Tsv3XSerializer, Tsv3XCasDocumentBuilder, Escaping).
 *
 * Offset unit: UTF-16 code units. INCEpTION counts Java chars, so "😊" takes two (the format's own
 * example); the file itself is UTF-8.
 *
 * Written:
 *   #FORMAT=WebAnno TSV 3.3
 *   #T_SP=webanno.custom.Claim|tag|speaker|stance|confidence|note|claimId
 *   (two blank lines, then each sentence after one blank line)
 *   #Text=<the sentence, escaped; one #Text line per line of it>
 *   1-1<TAB>0-4<TAB>NATO<TAB><tag>[1]<TAB>...<TAB>
 * - The layer: one custom span layer, `webanno.custom.Claim` (INCEpTION names a layer created as
 *   "Claim" so), with six String features, always all declared, because INCEpTION refuses a file
 *   whose header names a feature its project lacks: `tag` holds the tag's id (stable across
 *   codebook versions, and a tag's label typed in INCEpTION maps back to it on import, see
 *   codebookTagId); `speaker`, `stance` and `confidence` (value ids) and `note` hold the
 *   attributes; `claimId` the claim's id. The format has no multi-value features (INCEpTION's
 *   writer skips them), so a claim with several tags is one stacked annotation per tag on the same
 *   span, each with the same other features; the layer must allow stacking.
 * - Tokens: the words Intl.Segmenter finds (findWords) and the runs of other non-white-space
 *   between them. Sentences: the document's lines. A claim that starts or ends inside a token is
 *   written on sub-tokens (`1-3.1`), as INCEpTION writes annotations that do not follow tokens.
 *   Disambiguation ids (`[1]`) mark every annotation over several units or stacked with another,
 *   as INCEpTION's writer does.
 * - Text: INCEpTION rebuilds a document from the #Text lines: each sentence's lines joined by line
 *   feeds, plus a line feed after it; where the next sentence's first token starts one character
 *   earlier that line feed is dropped, where later the gap is filled with spaces. So each sentence
 *   here runs to the next one (less a line feed that INCEpTION's own line feed then stands for),
 *   and the text comes back exactly, except: INCEpTION's copy gains a line feed at the end (the
 *   reader here drops it again), and white space before the first token comes back as spaces.
 *   Offsets never move.
 * Lost on the way: annotators (INCEpTION files are per user), times, the codebook, document
 * framing and how claims were made (a feature for it would be one more that every INCEpTION
 * project's layer must declare before it can import any file). A carriage return in a feature value comes back as a line feed: the format escapes `\n`
 * but has no escape for `\r`, which would end the line in INCEpTION's reader. A claim's white space at
 * either end is left out, as INCEpTION's writer does (white space between tokens is no row), and a
 * claim of nothing but white space, a document with no tokens and a missing document's claims
 * are not written.
 *
 * Read: WebAnno TSV 3.2 and 3.3 (3.2 lacks only the optional `#Sentence.id`). Claims come from the
 * `webanno.custom.Claim` layer if the file has it, else from every span layer with a feature
 * except the token-level ones (part of speech, lemma, stem, morphology); the tag is the feature
 * `tag`, `value` or `label`, else the layer's first; speaker, stance, confidence, note and claimId
 * are read by name, whatever their case, and a stance or confidence by the app's value ids or
 * labels, whatever their case. Stacked annotations on one span with the same other features are one claim
 * with their tags. Other layers and features are listed in `skipped` with their header line. A
 * file in INCEpTION's project export layout (`annotation/<document>/<user>.tsv`) names the
 * document and the annotator. Anything INCEpTION could not read, or would read into something
 * other than the file says, refuses the input with its file and line.
 */
import { textTarget } from '../model/annotation';
import { DEFAULT_ATTRIBUTES, ValueId } from '../model/codebook';
import { partitionPoint } from '../partition-point';
import type { Problem } from '../result';
import { compareCodeUnits } from '../text/compare';
import { OffsetIndex } from '../text/offsets';
import { findWords } from '../text/words';
import { documentsWithClaims, head, InterchangeBuilder, spanProblem } from './common';
import type { ClaimRecord, ExportSet, FileEntry, InterchangeFormat } from './interchange';

export const CLAIM_LAYER = 'webanno.custom.Claim';
/** The claim layer's features in column order; INCEpTION needs each in the layer as a String feature. */
export const CLAIM_FEATURES = ['tag', 'speaker', 'stance', 'confidence', 'note', 'claimId'] as const;
type Feature = (typeof CLAIM_FEATURES)[number];
type Attribute = Exclude<Feature, 'tag'>;

const FORMAT_LINE = '#FORMAT=WebAnno TSV 3.3';
const TEXT_PREFIX = '#Text=';

/** An input with more lines than this is refused before it is read. */
export const MAX_LINES = 1_000_000;
/** A longer line is no sentence or token row; it is refused before anything looks into it. */
const MAX_LINE_LENGTH = 1_000_000;
/** The longest text a file may rebuild: a bound on the spaces a gap between sentences asks for. */
const MAX_TEXT_LENGTH = 20_000_000;

interface Range {
  start: number;
  end: number;
}

// Escaping (Escaping.java): #Text lines escape control characters, feature values the format's own.

// biome-ignore lint/suspicious/noControlCharactersInRegex: INCEpTION escapes these control characters
const TEXT_SPECIAL = /[\x00-\x0a\x0c-\x1f\\]/g;
const TEXT_ESCAPES: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '\\': '\\\\',
};
/** The other control characters but the vertical tab are escaped as a backslash before the character itself. */
const escapeText = (text: string) => text.replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c] ?? `\\${c}`);

const TEXT_UNESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '\\': '\\' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters escapeText escapes as themselves
const ESCAPED_CONTROL = /^[\x00-\x07\x0e-\x1f]$/;

const VALUE_SPECIAL = /->|[\\[\]|_;\t\n*]/g;
const escapeValue = (value: string) =>
  value.replace(VALUE_SPECIAL, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : `\\${c}`));

const VALUE_UNESCAPES: Record<string, string> = {
  '\\': '\\',
  '[': '[',
  ']': ']',
  '|': '|',
  _: '_',
  '->': '->',
  ';': ';',
  t: '\t',
  n: '\n',
  '*': '*',
};

/** `text` with its escapes resolved, or the first escape the table does not know. */
function resolveEscapes(
  text: string,
  known: (escaped: string) => string | undefined,
): { ok: true; text: string } | { ok: false; escape: string } {
  let broken: string | undefined;
  const resolved = text.replace(/\\(->|[\s\S]?)/g, (sequence, escaped: string) => {
    const plain = known(escaped);
    if (plain === undefined) broken ??= sequence;
    return plain ?? '';
  });
  return broken === undefined ? { ok: true, text: resolved } : { ok: false, escape: broken };
}

const unescapeText = (text: string) =>
  resolveEscapes(text, (c) => TEXT_UNESCAPES[c] ?? (ESCAPED_CONTROL.test(c) ? c : undefined));
const unescapeValue = (value: string) => resolveEscapes(value, (c) => VALUE_UNESCAPES[c]);

/** A quote for a message: short, with escapes and control characters visible. */
const shown = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

// Writing

/** A row of the file: a token or sub-token, and the annotations on it in stacking order. */
interface Unit extends Range {
  annotations: Written[];
}

/** One annotation of the claim layer: a claim's tag with the claim's other features. */
interface Written {
  values: Partial<Record<Feature, string>>;
  units: Unit[];
  id?: number;
}

/**
 * Every stretch of non-white-space: the words Intl.Segmenter finds and the runs of punctuation and
 * symbols between them. A word is split at white space too: a tab in a token would end its column.
 */
function tokensOf(text: string): Range[] {
  const tokens: Range[] = [];
  const runs = (start: number, end: number) => {
    for (const run of text.slice(start, end).matchAll(/\S+/g)) {
      tokens.push({ start: start + run.index, end: start + run.index + run[0].length });
    }
  };
  let from = 0;
  for (const word of findWords(text)) {
    runs(from, word.start);
    runs(word.start, word.end);
    from = word.end;
  }
  runs(from, text.length);
  return tokens;
}

/** The rows of a document: each token with the sub-tokens claims need, by their range. */
class Units {
  readonly tokens: Unit[];
  readonly subTokens: Map<string, Unit>[];

  constructor(tokens: readonly Range[]) {
    this.tokens = tokens.map((t) => ({ ...t, annotations: [] }));
    this.subTokens = tokens.map(() => new Map());
  }

  /** The rows [start, end) of the text is written on, or none when it holds no token. */
  cover(start: number, end: number): Unit[] {
    const first = partitionPoint(this.tokens, (t) => t.end <= start);
    const last = partitionPoint(this.tokens, (t) => t.start < end) - 1;
    if (first > last) return [];
    const from = Math.max(start, (this.tokens[first] as Unit).start);
    const to = Math.min(end, (this.tokens[last] as Unit).end);
    if (first === last) return [this.unit(first, from, to)];
    return [
      this.unit(first, from, (this.tokens[first] as Unit).end),
      ...this.tokens.slice(first + 1, last),
      this.unit(last, (this.tokens[last] as Unit).start, to),
    ];
  }

  private unit(index: number, start: number, end: number): Unit {
    const token = this.tokens[index] as Unit;
    if (start === token.start && end === token.end) return token;
    const subTokens = this.subTokens[index] as Map<string, Unit>;
    const key = `${start}-${end}`;
    let unit = subTokens.get(key);
    if (!unit) {
      unit = { start, end, annotations: [] };
      subTokens.set(key, unit);
    }
    return unit;
  }
}

/** A column's cell: `_` for no annotation, else each annotation's value (`*` for none) and id, stacked. */
function cell(unit: Unit, feature: Feature): string {
  if (unit.annotations.length === 0) return '_';
  return unit.annotations
    .map(({ values, id }) => {
      const value = values[feature];
      // A carriage return would end INCEpTION's line, and values have no escape for it.
      const text = value === undefined ? '*' : escapeValue(value.replace(/\r\n?/g, '\n'));
      return id === undefined ? text : `${text}[${id}]`;
    })
    .join('|');
}

function tsvFile(text: string, claims: ExportSet['annotations']): string | undefined {
  const tokens = tokensOf(text);
  if (tokens.length === 0) return undefined;
  const units = new Units(tokens);
  const written: Written[] = [];
  for (const claim of claims) {
    const covered = units.cover(claim.target.start, claim.target.end);
    if (covered.length === 0) continue;
    const { speaker, stance, confidence, note } = claim.attributes;
    for (const tag of claim.tags) {
      const annotation: Written = {
        values: { tag, speaker, stance, confidence, note, claimId: claim.id },
        units: covered,
      };
      written.push(annotation);
      for (const unit of covered) unit.annotations.push(annotation);
    }
  }
  let nextId = 1;
  for (const annotation of written) {
    if (annotation.units.length > 1 || annotation.units.some((u) => u.annotations.length > 1)) annotation.id = nextId++;
  }

  const row = (id: string, unit: Unit) =>
    `${id}\t${unit.start}-${unit.end}\t${text.slice(unit.start, unit.end)}\t${CLAIM_FEATURES.map((f) => cell(unit, f)).join('\t')}\t`;
  const lines = [FORMAT_LINE, `#T_SP=${CLAIM_LAYER}|${CLAIM_FEATURES.join('|')}`, ''];
  // A sentence is a line: it starts at the first token after a line break.
  const starts = tokens.flatMap((t, i) =>
    i === 0 || /[\r\n]/.test(text.slice((tokens[i - 1] as Range).end, t.start)) ? [i] : [],
  );
  starts.forEach((first, s) => {
    const next = starts[s + 1];
    let end = next === undefined ? text.length : (tokens[next] as Range).start;
    // INCEpTION puts a line feed after every sentence; where the text has one, that one stands for it.
    if (next !== undefined && text[end - 1] === '\n') end--;
    lines.push('');
    for (const line of text.slice((tokens[first] as Range).start, end).split('\n')) {
      lines.push(TEXT_PREFIX + escapeText(line));
    }
    for (let t = first; t < (next ?? tokens.length); t++) {
      const id = `${s + 1}-${t - first + 1}`;
      lines.push(row(id, units.tokens[t] as Unit));
      const subTokens = [...(units.subTokens[t] as Map<string, Unit>).values()].sort(
        (a, b) => a.start - b.start || a.end - b.end,
      );
      for (const [k, sub] of subTokens.entries()) lines.push(row(`${id}.${k + 1}`, sub));
    }
  });
  return `${lines.join('\n')}\n`;
}

function serialize(set: ExportSet): FileEntry[] {
  return documentsWithClaims(set).flatMap(({ document, claims }) => {
    // A missing document has no text to rebuild; a text without tokens is nothing INCEpTION can read.
    const content = document.missing ? undefined : tsvFile(document.text, claims);
    return content === undefined ? [] : [{ name: `${document.id}.tsv`, content }];
  });
}

// Reading

const FORMAT = /^#FORMAT=WebAnno TSV (\d+)\.(\d+)$/;
const LAYER_LINE = /^#T_(SP|CH|RL)=(.*)$/;
const UNIT_ID = /^(\d+-\d+)(\.\d+)?$/;
const OFFSETS = /^(\d{1,10})-(\d{1,10})$/;
const DISAMBIGUATION_ID = /^[1-9]\d{0,8}$/;
/**
 * INCEpTION's project export keeps each user's annotations of a document as
 * annotation/<document>/<user>.tsv, at the root of its zip or of the folder it was unpacked into.
 */
const PROJECT_EXPORT = /^(?:[^/]+\/)?annotation\/([^/]+)\/([^/]+)\.tsv$/;
/** Token-level layers of DKPro Core: linguistic annotation of single words, not claims. */
const TOKEN_LEVEL = new Set([
  'de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS',
  'de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.morph.MorphologicalFeatures',
  'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Lemma',
  'de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Stem',
]);
const TAG_FEATURES = ['tag', 'value', 'label'];
const ATTRIBUTES: readonly Attribute[] = ['speaker', 'stance', 'confidence', 'note', 'claimId'];

type LayerKind = 'SP' | 'CH' | 'RL';

interface Layer {
  name: string;
  kind: LayerKind;
  line: number;
  /** Plain features with their columns; a span layer's slot columns and other layers' columns are not. */
  features: { name: string; column: number }[];
  /** The number of columns it takes: a layer without features still takes one. */
  columns: number;
}

/** A layer claims are read from: its tag column, then the columns of the attributes it has. */
interface ClaimLayer {
  name: string;
  columns: number[];
  attributes: (Attribute | undefined)[];
}

interface Header {
  layers: Layer[];
  columns: number;
  /** The index of the first line after the header and its blank lines. */
  body: number;
}

/** One annotation on one row, as its cells give it: a value per read column (null for `*`), and its id. */
interface Cell {
  values: (string | null)[];
  id?: number;
}

/** An annotation of a claim layer being read: grown row by row while its id goes on. */
interface Span {
  layer: ClaimLayer;
  start: number;
  end: number;
  values: (string | null)[];
  /** The index in the file of the last token it covers, and the line of its last row. */
  token: number;
  lastLine: number;
  line: number;
}

/** The document a file is about, and whose annotations it holds when it says so. */
function documentOf(name: string): { id: string; annotator?: string } {
  const project = PROJECT_EXPORT.exec(name);
  const id = project ? (project[1] as string) : name;
  return { id: id.replace(/\.tsv$/i, ''), ...(project ? { annotator: project[2] as string } : {}) };
}

/** Splits like Java's readLine: at \n, \r and \r\n, with no empty line after a final break. */
function splitLines(content: string): string[] {
  const lines = content.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function tooManyLines(content: string): boolean {
  let lines = 0;
  const breaks = /\r\n|\r|\n/g;
  while (breaks.exec(content)) if (++lines > MAX_LINES) return true;
  return false;
}

/** The layers a declaration line gives, as INCEpTION's readSchema splits it (empty fields dropped). */
function readLayer(kind: LayerKind, declaration: string, line: number, column: number): Layer | string {
  const [name = '', ...fields] = declaration.split('|').filter((f) => f !== '');
  if (name === '') return 'a layer declaration needs the layer name after "="';
  const features: Layer['features'] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (kind === 'SP' && field.startsWith('ROLE_')) {
      // A slot feature takes two columns: its roles, then its targets, whose type is the next field.
      if (i + 1 === fields.length) return `the slot feature ${shown(field)} needs its target type after it`;
      i++;
    } else if (kind === 'SP' && field.includes('.')) {
      return `${shown(field)} is a type name where a feature name belongs: a slot target must follow its ROLE_ field`;
    } else if (kind === 'SP') {
      features.push({ name: field, column: column + i });
    }
  }
  return { name, kind, line, features, columns: Math.max(1, fields.length) };
}

function readHeader(lines: readonly string[], where: (line: number) => string): Header | Problem {
  const format = FORMAT.exec(lines[0] ?? '');
  if (!format) {
    return {
      path: where(1),
      message: `not WebAnno TSV: the first line must be ${shown(FORMAT_LINE)}, not ${shown(lines[0] ?? '')}`,
    };
  }
  if (format[1] !== '3' || Number(format[2]) < 2) {
    return {
      path: where(1),
      message: `WebAnno TSV ${format[1]}.${format[2]} is not read: only 3.2 and 3.3, whose escaping this reader knows; export the file again from INCEpTION`,
    };
  }
  const layers: Layer[] = [];
  let columns = 0;
  let i = 1;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const declaration = LAYER_LINE.exec(lines[i] as string);
    const layer = declaration
      ? readLayer(declaration[1] as LayerKind, declaration[2] as string, i + 1, columns)
      : 'expected a layer declaration (#T_SP=, #T_CH= or #T_RL=) or the blank lines before the first sentence';
    if (typeof layer === 'string') return { path: where(i + 1), message: layer };
    if (layers.some((l) => l.name === layer.name)) {
      return { path: where(i + 1), message: `the layer ${layer.name} is declared twice` };
    }
    layers.push(layer);
    columns += layer.columns;
  }
  while (i < lines.length && lines[i] === '') i++;
  return { layers, columns, body: i };
}

/** The layers claims come from, and a skipped entry for every layer and feature they do not use. */
function claimLayers(layers: readonly Layer[], where: (line: number) => string, skipped: Problem[]): ClaimLayer[] {
  const ours = layers.some((l) => l.name === CLAIM_LAYER);
  const used: ClaimLayer[] = [];
  for (const layer of layers) {
    const skip = (message: string) => skipped.push({ path: where(layer.line), message: `${layer.name}: ${message}` });
    if (layer.kind === 'CH') skip('a chain layer (coreference): the app has no chains of claims');
    else if (layer.kind === 'RL') skip('a relation layer: the app has no links between claims');
    else if (ours && layer.name !== CLAIM_LAYER) skip(`claims are read from the ${CLAIM_LAYER} layer alone`);
    else if (TOKEN_LEVEL.has(layer.name))
      skip('annotates single tokens (part of speech, lemma, stem, morphology), not claims');
    else if (layer.features.length === 0) skip('a span layer without a feature carries no tag');
    else {
      const named = (name: string) => layer.features.find((f) => f.name.toLowerCase() === name.toLowerCase());
      const tag = TAG_FEATURES.map(named).find((f) => f !== undefined) ?? (layer.features[0] as Layer['features'][0]);
      const claim: ClaimLayer = { name: layer.name, columns: [tag.column], attributes: [undefined] };
      for (const feature of layer.features) {
        if (feature === tag) continue;
        const attribute = ATTRIBUTES.find((a) => a.toLowerCase() === feature.name.toLowerCase());
        if (attribute === undefined) skip(`the feature ${shown(feature.name)} has no place in a claim`);
        else {
          claim.columns.push(feature.column);
          claim.attributes.push(attribute);
        }
      }
      const slots = layer.columns - layer.features.length;
      if (slots > 0) skip('slot features (links to other annotations) have no place in a claim');
      used.push(claim);
    }
  }
  return used;
}

/** A cell's stacked values, split at each `|` that no backslash escapes. */
function splitStack(cell: string): string[] {
  const values: string[] = [];
  let from = 0;
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === '\\') i++;
    else if (cell[i] === '|') {
      values.push(cell.slice(from, i));
      from = i + 1;
    }
  }
  values.push(cell.slice(from));
  return values;
}

/** One stacked value: `*` or an escaped value, and maybe a disambiguation id `[n]` at its end. */
function readValue(raw: string): { value: string | null; id?: number } | string {
  let open = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '[' && open < 0) open = i;
    else if (c === '[' || (c === ']' && (open < 0 || i !== raw.length - 1))) {
      return `${shown(raw)} has an unescaped "${c}": only a disambiguation id [n] at the end may use one`;
    } else if (c === '-' && raw[i + 1] === '>') {
      return `${shown(raw)} has an unescaped "->", which marks a chain link, not a span`;
    }
  }
  if (open >= 0 && !raw.endsWith(']')) return `the disambiguation id in ${shown(raw)} is never closed with "]"`;
  const idText = open >= 0 ? raw.slice(open + 1, -1) : undefined;
  if (idText !== undefined && !DISAMBIGUATION_ID.test(idText)) {
    return `${shown(`[${idText}]`)} is no disambiguation id: it must be a whole number from 1`;
  }
  const body = open >= 0 ? raw.slice(0, open) : raw;
  const id = idText === undefined ? {} : { id: Number(idText) };
  if (body === '*') return { value: null, ...id };
  const value = unescapeValue(body);
  if (!value.ok) return `${shown(value.escape)} in ${shown(raw)} is no escape WebAnno TSV knows`;
  return { value: value.text, ...id };
}

/** The annotations of a claim layer a row holds, one per stacking place, or why the cells make none. */
function readCells(fields: readonly string[], layer: ClaimLayer): Cell[] | string {
  const cells = layer.columns.map((c) => fields[3 + c] as string);
  if (cells.every((c) => c === '_')) return [];
  if (cells.some((c) => c === '_')) {
    return `the columns of ${layer.name} disagree: some say "_" (no annotation) and some have one`;
  }
  const stacks = cells.map(splitStack);
  const depth = (stacks[0] as string[]).length;
  if (stacks.some((s) => s.length !== depth)) {
    return `the columns of ${layer.name} stack different numbers of annotations (${stacks.map((s) => s.length).join(', ')})`;
  }
  const annotations: Cell[] = [];
  for (let k = 0; k < depth; k++) {
    const values: (string | null)[] = [];
    const ids = new Set<number>();
    for (const stack of stacks) {
      const read = readValue(stack[k] as string);
      if (typeof read === 'string') return read;
      values.push(read.value);
      if (read.id !== undefined) ids.add(read.id);
    }
    if (ids.size > 1) return `the columns of ${layer.name} give one annotation different ids: ${[...ids].join(', ')}`;
    const [id] = ids;
    annotations.push(id === undefined ? { values } : { values, id });
  }
  return annotations;
}

/** What one file holds, read into `builder`; any problem refuses the whole input. */
function readFile(file: FileEntry, builder: InterchangeBuilder, notes: Problem[]): void {
  const where = (line: number) => `${file.name}:${line}`;
  const problem = (line: number, message: string) => builder.problems.push({ path: where(line), message });
  const content = file.content.replace(/^\uFEFF/, '');
  if (tooManyLines(content)) {
    builder.problems.push({
      path: file.name,
      message: `more than ${MAX_LINES.toLocaleString('en')} lines: too many to import at once`,
    });
    return;
  }
  const lines = splitLines(content);
  const long = lines.findIndex((line) => line.length > MAX_LINE_LENGTH);
  if (long >= 0) {
    const length = (lines[long] as string).length.toLocaleString('en');
    problem(
      long + 1,
      `a line of ${length} characters, more than ${MAX_LINE_LENGTH.toLocaleString('en')}: not WebAnno TSV`,
    );
    return;
  }
  const header = readHeader(lines, where);
  if ('path' in header) {
    builder.problems.push(header);
    return;
  }
  const layers = claimLayers(header.layers, where, builder.skipped);
  const { id: documentId, annotator } = documentOf(file.name);

  let text = '';
  /** Where the text stands between the last row and the next. */
  let state: 'between' | 'header' | 'tokens' = 'between';
  let sentenceText: string[] = [];
  let sentenceLine = 0;
  let sentence: Range = { start: 0, end: 0 };
  let token: (Range & { id: string; index: number }) | undefined;
  let tokens = 0;
  let gaps = 0;
  const spans: Span[] = [];
  const open = new Map<string, Span>();
  // A problem in a row's cells is one of many to report; one in a row's place stops the file, so
  // that what follows is not reported as wrong only because of it.
  const problemsBefore = builder.problems.length;
  const failed = () => builder.problems.length > problemsBefore;

  /** The first token places the sentence: after the text so far, less its line feed, or after a gap of spaces. */
  const place = (start: number, line: number): boolean => {
    if (text.length > start + 1) {
      problem(line, `the sentence starts at ${start}, inside the sentence before it, which ends at ${text.length - 1}`);
      return false;
    }
    const body = sentenceText.map((l) => `${l}\n`).join('');
    if (start + body.length > MAX_TEXT_LENGTH) {
      problem(line, `the text would be longer than ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`);
      return false;
    }
    if (text.length === start + 1) text = text.slice(0, start);
    else if (text.length < start) {
      text += ' '.repeat(start - text.length);
      gaps++;
    }
    sentence = { start, end: start + body.length - 1 };
    text += body;
    return true;
  };

  for (let i = header.body; i < lines.length; i++) {
    const line = lines[i] as string;
    const number = i + 1;
    if (line === '') {
      if (state === 'header') {
        problem(sentenceLine, 'a sentence without tokens: INCEpTION cannot read it');
        break;
      }
      state = 'between';
      continue;
    }
    if (state !== 'tokens' && line.startsWith('#')) {
      if (state === 'between') {
        sentenceText = [];
        sentenceLine = number;
      }
      state = 'header';
      if (line.startsWith(TEXT_PREFIX)) {
        const unescaped = unescapeText(line.slice(TEXT_PREFIX.length));
        if (!unescaped.ok) {
          problem(number, `${shown(unescaped.escape)} is no escape a #Text line may hold`);
          break;
        }
        sentenceText.push(unescaped.text);
      } else if (!line.startsWith('#Sentence.id=')) {
        builder.skipped.push({ path: where(number), message: `${shown(line)}: a sentence header INCEpTION ignores` });
      }
      continue;
    }
    if (state === 'between') {
      problem(number, 'expected a sentence header (#Text=...) after the blank line');
      break;
    }
    if (line.startsWith('#')) {
      problem(number, 'a sentence header must follow a blank line after the tokens of the sentence before');
      break;
    }
    const fields = line.split('\t');
    const expected = 3 + header.columns;
    if (fields.length !== expected && !(fields.length === expected + 1 && fields[expected] === '')) {
      problem(
        number,
        `expected ${expected} tab-separated fields (id, offsets, token and ${header.columns} columns), found ${fields.length}`,
      );
      break;
    }
    const [id = '', offsets = '', tokenText = ''] = fields;
    const unitId = UNIT_ID.exec(id);
    const range = OFFSETS.exec(offsets);
    if (!unitId) {
      problem(number, `${shown(id)} is no token id such as 1-2 or 1-2.1`);
      break;
    }
    if (!range) {
      problem(number, `${shown(offsets)} is no offset pair such as 0-4`);
      break;
    }
    const start = Number(range[1]);
    const end = Number(range[2]);
    if (end < start) {
      problem(number, `the unit ends at ${end}, before it starts at ${start}`);
      break;
    }
    const subToken = unitId[2] !== undefined;
    if (state === 'header') {
      if (sentenceText.length === 0) {
        problem(sentenceLine, 'a sentence without a #Text line');
        break;
      }
      if (subToken) {
        problem(number, 'a sentence must start with a token, not a sub-token');
        break;
      }
      if (!place(start, number)) break;
      state = 'tokens';
    }
    if (subToken) {
      if (!token || unitId[1] !== token.id) {
        problem(number, `the sub-token ${id} does not follow its token ${unitId[1]}`);
        break;
      }
      if (start < token.start || end > token.end) {
        problem(number, `the sub-token ${start}-${end} is not inside its token ${token.start}-${token.end}`);
        break;
      }
    } else {
      if (token && start < token.end) {
        problem(number, `the token ${start}-${end} starts before the token before it ends (${token.end})`);
        break;
      }
      if (start < sentence.start || end > sentence.end) {
        problem(number, `the token ${start}-${end} is outside its sentence, ${sentence.start}-${sentence.end}`);
        break;
      }
      token = { start, end, id: unitId[1] as string, index: tokens++ };
    }
    const inText = text.slice(start, end);
    if (tokenText !== inText) {
      problem(
        number,
        `the token ${shown(tokenText)} does not match the sentence's text at ${start}-${end}, ${shown(inText)}`,
      );
      break;
    }
    const index = token.index;

    for (const [l, layer] of layers.entries()) {
      const cells = readCells(fields, layer);
      if (typeof cells === 'string') {
        problem(number, cells);
        continue;
      }
      for (const { values, id: disambiguation } of cells) {
        const key = `${l}:${disambiguation}`;
        const span = disambiguation === undefined ? undefined : open.get(key);
        if (!span) {
          const made: Span = { layer, start, end, values, token: index, lastLine: number, line: number };
          spans.push(made);
          if (disambiguation !== undefined) open.set(key, made);
        } else if (span.lastLine === number) {
          problem(number, `[${disambiguation}] stands twice in one row`);
        } else if (index > span.token + 1 || start < span.end) {
          // INCEpTION would stretch the annotation over everything between: never what a writer meant.
          problem(
            number,
            `[${disambiguation}] goes on here, but its last row was line ${span.lastLine}: an annotation covers one run of tokens`,
          );
        } else if (values.some((v, k) => v !== span.values[k])) {
          problem(number, `[${disambiguation}] has other values here than on line ${span.line}`);
        } else {
          span.end = end;
          span.token = index;
          span.lastLine = number;
        }
      }
    }
  }
  if (failed()) return;
  if (state === 'header') {
    problem(sentenceLine, 'a sentence without tokens: INCEpTION cannot read it');
    return;
  }
  if (token === undefined) {
    problem(header.body + 1, 'the file has no sentences: INCEpTION cannot read it');
    return;
  }
  // INCEpTION ends the text with the line feed after the last sentence; the export put none there.
  text = text.slice(0, -1);
  builder.addDocument({ id: documentId, text }, file.name);
  if (gaps > 0) {
    notes.push({
      path: file.name,
      message: `the file leaves out the text before ${gaps === 1 ? 'one sentence' : `${gaps} sentences`}: it is filled with spaces, as INCEpTION does, so claims across it are found by their words`,
    });
  }
  addClaims(spans, new OffsetIndex(text), { documentId, annotator, where, builder });
}

/**
 * A stance or confidence as an INCEpTION user may have typed it: one of the app's values by id or
 * label in any case ("Disputed", "HIGH"), else any value id, in lower case.
 */
function valueIdOf(attribute: 'stance' | 'confidence', written: string): string | undefined {
  const wanted = written.trim().toLowerCase();
  const known = DEFAULT_ATTRIBUTES[attribute].find((v) => v.id === wanted || v.label.toLowerCase() === wanted);
  return known?.id ?? (ValueId.safeParse(wanted).success ? wanted : undefined);
}

/** The spans as claims: stacked annotations with the same span and other features are one claim with their tags. */
function addClaims(
  spans: readonly Span[],
  index: OffsetIndex,
  context: { documentId: string; annotator?: string; where: (line: number) => string; builder: InterchangeBuilder },
): void {
  const { builder, where } = context;
  const claims = new Map<string, ClaimRecord>();
  for (const span of spans) {
    const path = where(span.line);
    const [tag, ...values] = span.values;
    if (span.end === span.start) {
      builder.skipped.push({
        path,
        message: `an empty annotation of ${span.layer.name} at ${span.start}: a claim needs words`,
      });
      continue;
    }
    const wrong = spanProblem(index, 'utf16', span.start, span.end);
    if (wrong) {
      builder.problems.push({ path, message: wrong.message });
      continue;
    }
    if (!tag) {
      builder.skipped.push({ path, message: `an annotation of ${span.layer.name} without a tag: a claim needs one` });
      continue;
    }
    const { start, end, exact, prefix, suffix } = textTarget(index, span.start, span.end);
    const record: ClaimRecord = {
      documentId: context.documentId,
      selector: { unit: 'utf16', start, end, exact, prefix, suffix },
      tags: [],
      attributes: {},
      ...(context.annotator === undefined ? {} : { annotator: context.annotator }),
      origin: path,
    };
    values.forEach((value, k) => {
      const attribute = span.layer.attributes[k + 1];
      if (value === null || attribute === undefined) return;
      if (attribute === 'claimId') record.id = value;
      else if (attribute === 'speaker' || attribute === 'note') record.attributes[attribute] = value;
      else {
        const id = valueIdOf(attribute, value);
        if (id !== undefined) record.attributes[attribute] = id;
        else {
          builder.skipped.push({
            path,
            message: `${attribute} ${shown(value)} is left out: it is none of the app's values and no value id (lowercase letters, digits and dashes)`,
          });
        }
      }
    });
    const key = JSON.stringify([span.start, span.end, record.id, record.attributes]);
    const claim = claims.get(key);
    if (claim) {
      if (!claim.tags.includes(tag)) claim.tags.push(tag);
    } else {
      record.tags.push(tag);
      claims.set(key, record);
    }
  }
  for (const claim of claims.values()) builder.addClaim(claim);
}

function parse(files: readonly FileEntry[]) {
  const builder = new InterchangeBuilder();
  const notes: Problem[] = [];
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (builder.full) break;
    readFile(file, builder, notes);
  }
  const result = builder.result();
  return result.ok && notes.length > 0 ? { ...result, value: { ...result.value, notes } } : result;
}

export const webannoTsvFormat: InterchangeFormat = {
  id: 'webanno',
  name: 'WebAnno TSV 3.3 (INCEpTION)',
  leavesOut: ['annotator', 'claim-times', 'codebook', 'document-framing', 'origin'],
  offsetUnit: 'utf16',
  reads: ['.tsv'],
  /** By the first line, which every WebAnno TSV file starts with. */
  detect: (files) => files.length > 0 && files.every((f) => head(f).startsWith('#FORMAT=WebAnno TSV ')),
  parse,
  serialize,
};

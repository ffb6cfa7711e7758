import type { Annotation, ClaimAttributes, Origin } from '../model/annotation';
import { isLive } from '../model/annotation';
import type { DocumentLabel } from '../model/document-label';
import { fail, ok, type Problem, type Result } from '../result';
import { OffsetIndex } from '../text/offsets';
import { originText, readOriginText } from './common';
import type { ClaimRecord, DocumentRecord, ExportSet, FileEntry, Interchange, InterchangeFormat } from './interchange';
import { codeGuid, codesOf, guidToUlid, readCodes, stableGuid, ulidToGuid } from './refi-codes';
import { CONVENTIONS, type Convention, describeConvention, quotes, TextPositions } from './refi-offsets';
import { childNamed, childrenNamed, parseXml, writeXml, type XmlElement, type XmlNode } from './xml';

/**
 * REFI-QDA Project Exchange (.qdpx): a zip of `project.qde` (XML in the namespace
 * urn:QDA-XML:project:1.0) and `sources/`, the texts. How the app's work maps onto it:
 * - a document is a TextSource whose text is `sources/<guid>.txt`, with the variables
 *   "Document ID" and "Language";
 * - a claim is a PlainTextSelection (its GUID is the claim's id) holding one Coding per tag; its
 *   note is the selection's Description, and its speaker, stance, confidence and origin (how it
 *   was made, as one line of JSON) a Note "Claim attributes" the selection refers to;
 * - an annotator is a User; document framing is the Codings of a whole TextSource, by its User;
 * - the codebook is the CodeBook: groups are codes that cannot be coded, holding their tags.
 */

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const PROJECT_FILE = /(^|\/)project\.qde$/i;
const DOCUMENT_ID = 'Document ID';
const LANGUAGE = 'Language';
const ATTRIBUTES_NOTE = 'Claim attributes';
/** Longest quote written as a selection's name: enough for any tool to check the place by. */
const NAME_LENGTH = 100;

export const qdpxFormat: InterchangeFormat = {
  id: 'qdpx',
  name: 'REFI-QDA .qdpx',
  leavesOut: [],
  offsetUnit: 'codepoint',
  reads: ['.qdpx', '.qde'],
  archive: '.qdpx',
  detect: (files) => files.some((f) => PROJECT_FILE.test(f.name)),
  parse: parseProject,
  serialize: serializeProject,
};

// ————— Import —————

function parseProject(files: readonly FileEntry[]): Result<Interchange, Problem[]> {
  const qde = files.find((f) => PROJECT_FILE.test(f.name));
  if (!qde) return fail([{ path: '', message: 'no project.qde: not a REFI-QDA project' }]);
  const xml = parseXml(qde.content, qde.name);
  if (!xml.ok) return xml;
  const root = xml.value;
  const refused = refusedRoot(root, 'Project', PROJECT_NAMESPACE, qde.name);
  if (refused) return fail([refused]);

  const users = new Map(
    childrenNamed(childNamed(root, 'Users'), 'User').map((u) => [
      key(u.attributes.guid),
      u.attributes.name || u.attributes.id || (u.attributes.guid ?? ''),
    ]),
  );
  const projectName = root.attributes.name || 'REFI-QDA project';
  const codes = readCodes(childNamed(childNamed(root, 'CodeBook'), 'Codes'), projectName);
  const notes = new Map(
    childrenNamed(childNamed(root, 'Notes'), 'Note').map((n) => [key(n.attributes.guid), n] as const),
  );
  const variables = new Map(
    childrenNamed(childNamed(root, 'Variables'), 'Variable').map((v) => [key(v.attributes.guid), v.attributes.name]),
  );
  const read: Reader = {
    qde: qde.name,
    files,
    users,
    codes: codes.labels,
    notes,
    variables,
    documents: [],
    claims: [],
    labels: [],
    skipped: [],
    conventions: new Map(),
  };
  for (const source of childNamed(root, 'Sources')?.children ?? []) {
    if (source.name === 'TextSource') readSource(source, read);
    else
      read.skipped.push({
        path: `${qde.name} line ${source.line}`,
        message: `<${source.name}> ("${source.attributes.name ?? ''}"): only text sources can be annotated here`,
      });
  }
  const notesFound = [...read.conventions].map(([described, count]) => ({
    path: qde.name,
    message: `positions read as ${described}: ${count.sources} source${count.sources === 1 ? '' : 's'}, ${count.checked} of ${count.selections} selections checked against the text they quote`,
  }));
  return ok({
    documents: read.documents,
    codebook: codes.codebook,
    claims: read.claims,
    tombstones: [],
    documentLabels: read.labels,
    skipped: read.skipped,
    notes: notesFound,
  });
}

interface Reader {
  qde: string;
  files: readonly FileEntry[];
  users: ReadonlyMap<string, string>;
  /** Tag labels by code GUID. */
  codes: ReadonlyMap<string, string>;
  notes: ReadonlyMap<string, XmlElement>;
  variables: ReadonlyMap<string, string | undefined>;
  documents: DocumentRecord[];
  claims: ClaimRecord[];
  labels: DocumentLabel[];
  skipped: Problem[];
  /** Per convention described: how many sources were read with it, and how many selections checked it. */
  conventions: Map<string, { sources: number; selections: number; checked: number }>;
}

/** GUIDs are compared without braces and case, as tools write them differently. */
const key = (guid: string | undefined) => (guid ?? '').replace(/[{}]/g, '').toUpperCase();

export function refusedRoot(root: XmlElement, name: string, namespace: string, path: string): Problem | undefined {
  if (root.name !== name) {
    return {
      path,
      message: `not a REFI-QDA ${name === 'Project' ? 'project' : 'codebook'}: its root element is <${root.name}>`,
    };
  }
  const declared = Object.entries(root.attributes).find(([attribute]) => /^xmlns(:|$)/.test(attribute))?.[1];
  if (declared !== undefined && declared.toLowerCase() !== namespace.toLowerCase()) {
    return { path, message: `its namespace is ${declared}, not REFI-QDA's ${namespace}` };
  }
  return undefined;
}

function sourceText(source: XmlElement, read: Reader): string | undefined {
  const inline = childNamed(source, 'PlainTextContent');
  if (inline) return inline.text;
  const path = source.attributes.plainTextPath ?? '';
  const internal = /^internal:\/\/(.+)$/i.exec(path);
  if (!internal) return undefined;
  const wanted = `sources/${internal[1]}`.toLowerCase();
  const file = read.files.find((f) => f.name.toLowerCase() === wanted || f.name.toLowerCase().endsWith(`/${wanted}`));
  return file?.content.replace(/^\uFEFF/, '');
}

function readSource(source: XmlElement, read: Reader): void {
  const where = `${read.qde} line ${source.line}`;
  const text = sourceText(source, read);
  const selections = childrenNamed(source, 'PlainTextSelection');
  if (text === undefined) {
    read.skipped.push({
      path: where,
      message: `the text of "${source.attributes.name ?? ''}" is not in the project (${source.attributes.plainTextPath ?? 'no path'}): its ${selections.length} selections were not imported`,
    });
    return;
  }
  const values = new Map(
    childrenNamed(source, 'VariableValue').map((v) => [
      read.variables.get(key(childNamed(v, 'VariableRef')?.attributes.targetGUID)),
      childNamed(v, 'TextValue')?.text,
    ]),
  );
  const documentId = values.get(DOCUMENT_ID) || source.attributes.name || key(source.attributes.guid);
  read.documents.push({
    id: documentId,
    title: source.attributes.name,
    language: values.get(LANGUAGE) || undefined,
    text,
  });
  const positions = new TextPositions(text);
  const convention = conventionOf(selections, positions);
  const tally = read.conventions.get(describeConvention(convention.found)) ?? { sources: 0, selections: 0, checked: 0 };
  tally.sources++;
  tally.selections += selections.length;
  tally.checked += convention.checked;
  read.conventions.set(describeConvention(convention.found), tally);
  for (const selection of selections) readSelection(selection, documentId, positions, convention.found, read);
  for (const [annotator, { tags, at }] of codingsByUser(childrenNamed(source, 'Coding'), undefined, read, where)) {
    read.labels.push({ documentId, annotator, tags, updatedAt: at ?? new Date(0).toISOString() });
  }
}

/** The convention under which most selections quote the text at their place; the standard's when none tells. */
function conventionOf(
  selections: readonly XmlElement[],
  positions: TextPositions,
): { found: Convention; checked: number } {
  let best = { found: CONVENTIONS[0] as Convention, checked: 0 };
  if (!positions.ambiguous) {
    return { found: best.found, checked: selections.filter((s) => verdict(s, positions, best.found) === 'yes').length };
  }
  for (const convention of CONVENTIONS) {
    const checked = selections.filter((s) => verdict(s, positions, convention) === 'yes').length;
    if (checked > best.checked) best = { found: convention, checked };
  }
  return best;
}

function verdict(selection: XmlElement, positions: TextPositions, convention: Convention): 'yes' | 'no' | 'unknown' {
  const span = spanOf(selection, positions, convention);
  if (!span) return 'no';
  return quotes(selection.attributes.name, positions.text.slice(span.start, span.end));
}

function spanOf(selection: XmlElement, positions: TextPositions, convention: Convention) {
  const start = integer(selection.attributes.startPosition);
  const end = integer(selection.attributes.endPosition);
  if (start === undefined || end === undefined) return undefined;
  return positions.span(start, end, convention);
}

const integer = (value: string | undefined) =>
  value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;

function readSelection(
  selection: XmlElement,
  documentId: string,
  positions: TextPositions,
  convention: Convention,
  read: Reader,
): void {
  const where = `${read.qde} line ${selection.line}`;
  const { startPosition, endPosition, name } = selection.attributes;
  const span = spanOf(selection, positions, convention);
  const unplaced = span
    ? misplaced(selection, positions, convention, span)
    : `positions ${startPosition ?? '?'}–${endPosition ?? '?'} are not a span of its text (${positions.text.length} characters)`;
  const exact = span ? positions.text.slice(span.start, span.end) : undefined;
  const byUser = codingsByUser(childrenNamed(selection, 'Coding'), selection.attributes.creatingUser, read, where);
  if (byUser.size === 0) {
    read.skipped.push({ path: where, message: `the selection "${name ?? ''}" has no code: it is not a claim` });
    return;
  }
  const { attributes, madeBy } = notesOf(selection, read, where);
  let first = true;
  for (const [annotator, { tags }] of byUser) {
    // A selection coded by several users is one claim per user; the first keeps the selection's GUID as id.
    const id = guidToUlid(
      first ? key(selection.attributes.guid) : stableGuid(`${key(selection.attributes.guid)}\u0000${annotator}`),
    );
    first = false;
    read.claims.push({
      ...(id === undefined ? {} : { id }),
      documentId,
      // A place not trusted shows the words the selection was about, not those found there.
      selector:
        span && unplaced === undefined
          ? { unit: 'utf16', start: span.start, end: span.end, exact }
          : { unit: 'utf16', ...(name ? { exact: name } : {}) },
      tags,
      attributes,
      ...(madeBy && { madeBy }),
      annotator,
      createdAt: selection.attributes.creationDateTime,
      updatedAt: selection.attributes.modifiedDateTime ?? selection.attributes.creationDateTime,
      origin: where,
      ...(unplaced === undefined ? {} : { unplaced }),
    });
  }
}

/**
 * Why a selection's place cannot be trusted, if it cannot: its name quotes other words than those
 * at its place (found there under another convention, or elsewhere in the text).
 */
function misplaced(
  selection: XmlElement,
  positions: TextPositions,
  convention: Convention,
  span: { start: number; end: number },
): string | undefined {
  const name = selection.attributes.name;
  if (name?.includes('\uFFFD') && !positions.text.slice(span.start, span.end).includes('\uFFFD')) {
    return 'its quote holds a character a file cannot carry (half of an emoji, say): place it by hand';
  }
  if (verdict(selection, positions, convention) !== 'no' || name === undefined) return undefined;
  const elsewhere =
    CONVENTIONS.some((c) => verdict(selection, positions, c) === 'yes') ||
    (quotes(name, name) === 'yes' && normalisedIncludes(positions.text, name));
  if (!elsewhere) return undefined;
  const { startPosition, endPosition } = selection.attributes;
  return `its quote “${name.slice(0, 60)}” is not the text at ${startPosition}–${endPosition} as this file counts positions (${describeConvention(convention)})`;
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
const normalisedIncludes = (text: string, part: string) =>
  normalised(text).includes(
    normalised(part)
      .replace(/(\.\.\.|…)$/u, '')
      .trim(),
  );

/**
 * Tag labels per user (and when they last coded), from codings that each name a code by GUID;
 * the user of the selection when a coding names none.
 */
function codingsByUser(
  codings: readonly XmlElement[],
  fallbackUser: string | undefined,
  read: Reader,
  where: string,
): Map<string, { tags: string[]; at?: string }> {
  const byUser = new Map<string, { tags: string[]; at?: string }>();
  for (const coding of codings) {
    const target = key(childNamed(coding, 'CodeRef')?.attributes.targetGUID);
    const label = read.codes.get(target);
    if (label === undefined) {
      read.skipped.push({
        path: `${where}, coding line ${coding.line}`,
        message: `names a code the code book lacks (${target || 'none'})`,
      });
      continue;
    }
    const userGuid = key(coding.attributes.creatingUser ?? fallbackUser);
    const user = read.users.get(userGuid) ?? (userGuid || 'imported');
    const coded = byUser.get(user) ?? { tags: [] };
    if (!coded.tags.includes(label)) coded.tags.push(label);
    const at = isoTime(coding.attributes.creationDateTime);
    if (at && (!coded.at || at > coded.at)) coded.at = at;
    byUser.set(user, coded);
  }
  return byUser;
}

function isoTime(value: string | undefined): string | undefined {
  const time = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * The note (the selection's description and notes) and, from a "Claim attributes" note, speaker,
 * stance, confidence and how the claim was made.
 */
function notesOf(selection: XmlElement, read: Reader, where: string): { attributes: ClaimAttributes; madeBy?: Origin } {
  const attributes: ClaimAttributes = {};
  let madeBy: Origin | undefined;
  const texts: string[] = [];
  const description = childNamed(selection, 'Description')?.text.trim();
  if (description) texts.push(description);
  for (const ref of childrenNamed(selection, 'NoteRef')) {
    const note = read.notes.get(key(ref.attributes.targetGUID));
    const text = childNamed(note, 'PlainTextContent')?.text.trim() ?? childNamed(note, 'Description')?.text.trim();
    if (!note || !text) continue;
    if (note.attributes.name !== ATTRIBUTES_NOTE) {
      texts.push(text);
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').trim();
      if (field === 'speaker' && value) attributes.speaker = value;
      if (field === 'stance' && /^[a-z0-9][a-z0-9-]*$/.test(value)) attributes.stance = value;
      if (field === 'confidence' && /^[a-z0-9][a-z0-9-]*$/.test(value)) attributes.confidence = value;
      if (field === 'origin') {
        const path = `${where}, note line ${note.line}`;
        madeBy = readOriginText(value, (why) => read.skipped.push({ path, message: why }));
      }
    }
  }
  if (texts.length > 0) attributes.note = texts.join('\n\n');
  return { attributes, ...(madeBy && { madeBy }) };
}

// ————— Export —————

const userGuid = (name: string) => stableGuid(`user\u0000${name}`);
const documentGuid = (id: string) => stableGuid(`document\u0000${id}`);
const variableGuid = (name: string) => stableGuid(`variable\u0000${name}`);

function serializeProject(set: ExportSet): FileEntry[] {
  const claims = set.annotations.filter(isLive);
  const labels = (set.documentLabels ?? []).filter((l) => l.tags.length > 0);
  const names = [
    ...new Set([set.annotator, ...claims.map((c) => c.annotator), ...labels.map((l) => l.annotator)]),
  ].sort();
  const codes = codesOf(
    set.codebook,
    [...claims.flatMap((c) => c.tags), ...labels.flatMap((l) => l.tags)],
    set.otherTags,
  );
  const documents = set.documents.filter((d) => !d.missing);
  const notes: XmlNode[] = [];
  const sources = documents.map((doc) => {
    const guid = documentGuid(doc.id);
    const index = new OffsetIndex(doc.text);
    const own = claims
      .filter((c) => c.documentId === doc.id)
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || a.id.localeCompare(b.id));
    const framing = labels
      .filter((l) => l.documentId === doc.id)
      .sort((a, b) => a.annotator.localeCompare(b.annotator));
    return {
      name: 'TextSource',
      attributes: { guid, name: doc.title, plainTextPath: `internal://${guid}.txt` },
      children: [
        ...own.map((claim) => selectionOf(claim, set.codebook.id, index, notes)),
        ...framing.flatMap((label) =>
          label.tags.map((tag) =>
            coding(
              `framing\u0000${doc.id}\u0000${label.annotator}\u0000${tag}`,
              set.codebook.id,
              tag,
              label.annotator,
              label.updatedAt,
            ),
          ),
        ),
        variableValue(DOCUMENT_ID, doc.id),
        variableValue(LANGUAGE, doc.language),
      ],
    };
  });
  const project: XmlNode = {
    name: 'Project',
    attributes: {
      xmlns: PROJECT_NAMESPACE,
      name: `${set.codebook.name} (${set.app.name})`,
      origin: [set.app.name, set.app.version].filter(Boolean).join(' '),
      creatingUserGUID: userGuid(set.annotator),
      creationDateTime: set.exportedAt,
    },
    children: [
      { name: 'Users', children: names.map((name) => ({ name: 'User', attributes: { guid: userGuid(name), name } })) },
      ...(codes.length > 0 ? [{ name: 'CodeBook', children: [{ name: 'Codes', children: codes }] }] : []),
      {
        name: 'Variables',
        children: [DOCUMENT_ID, LANGUAGE].map((name) => ({
          name: 'Variable',
          attributes: { guid: variableGuid(name), name, typeOfVariable: 'Text' },
        })),
      },
      ...(sources.length > 0 ? [{ name: 'Sources', children: sources }] : []),
      ...(notes.length > 0 ? [{ name: 'Notes', children: notes }] : []),
    ],
  };
  return [
    { name: 'project.qde', content: writeXml(project) },
    ...documents.map((doc) => ({ name: `sources/${documentGuid(doc.id)}.txt`, content: doc.text })),
  ];
}

function selectionOf(claim: Annotation, codebookId: string, index: OffsetIndex, notes: XmlNode[]): XmlNode {
  const { speaker, stance, confidence, note } = claim.attributes;
  const described = [
    speaker && `speaker: ${speaker}`,
    stance && `stance: ${stance}`,
    confidence && `confidence: ${confidence}`,
    claim.origin && `origin: ${originText(claim.origin)}`,
  ]
    .filter(Boolean)
    .join('\n');
  const noteGuid = stableGuid(`attributes\u0000${claim.id}`);
  if (described) {
    notes.push({
      name: 'Note',
      attributes: { guid: noteGuid, name: ATTRIBUTES_NOTE, creatingUser: userGuid(claim.annotator) },
      children: [{ name: 'PlainTextContent', text: described }],
    });
  }
  const characters = Array.from(claim.target.exact);
  const quote = characters.length > NAME_LENGTH ? `${characters.slice(0, NAME_LENGTH).join('')}…` : claim.target.exact;
  return {
    name: 'PlainTextSelection',
    attributes: {
      guid: ulidToGuid(claim.id),
      name: quote,
      startPosition: String(index.toCodePoint(claim.target.start)),
      endPosition: String(index.toCodePoint(claim.target.end)),
      creatingUser: userGuid(claim.annotator),
      creationDateTime: claim.createdAt,
      modifyingUser: userGuid(claim.annotator),
      modifiedDateTime: claim.updatedAt,
    },
    children: [
      ...(note ? [{ name: 'Description', text: note }] : []),
      ...claim.tags.map((tag) =>
        coding(`coding\u0000${claim.id}\u0000${tag}`, codebookId, tag, claim.annotator, claim.createdAt),
      ),
      ...(described ? [{ name: 'NoteRef', attributes: { targetGUID: noteGuid } }] : []),
    ],
  };
}

const coding = (key: string, codebookId: string, tag: string, annotator: string, at: string): XmlNode => ({
  name: 'Coding',
  attributes: { guid: stableGuid(key), creatingUser: userGuid(annotator), creationDateTime: at },
  children: [{ name: 'CodeRef', attributes: { targetGUID: codeGuid(codebookId, tag) } }],
});

const variableValue = (name: string, value: string): XmlNode => ({
  name: 'VariableValue',
  children: [
    { name: 'VariableRef', attributes: { targetGUID: variableGuid(name) } },
    { name: 'TextValue', text: value },
  ],
});

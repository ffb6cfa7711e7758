/**
 * W3C Web Annotation Data Model as JSON-LD (https://www.w3.org/TR/annotation-model/).
 *
 * Offset unit: Unicode code points. The model requires TextPositionSelector positions "in terms of
 * unicode code points, not in terms of code units" (§4.2.4), so the claims' codePointStart/End are
 * written and read back as code points; a TextQuoteSelector carries the quote and its context.
 *
 * Export is one `annotations.jsonld`: an AnnotationCollection with every live claim embedded in its
 * first AnnotationPage. Each claim is an Annotation with motivation "classifying" (the analyst
 * classifies the claim's framing by a codebook); each of its tags twice, as a textual tag (a
 * TextualBody with purpose "tagging" and the tag id as its value, which any reader takes) and as a
 * semantic tag (a SpecificResource with purpose "tagging" whose source is the tag's IRI in its
 * codebook version, §4.1); one TextualBody per attribute (marked by `schema:propertyID`, a term the
 * anno.jsonld context already maps to schema.org); and a target naming the document by IRI with a
 * quote and a position. The model cannot express deletions, so deleted claims are not written.
 * How a claim was made, when not by hand (a coded search hit, an accepted suggestion), is an
 * extension property of the annotation (§6), `urn:framing-workbench:origin`, whose object carries
 * its own context so that its fields are IRIs too: readers that do not know it ignore it, as the
 * model asks them to.
 *
 * Before the semantic tags, a textual tag carried the tag's IRI as its own id. The model reads a body
 * with an id as an External Web Resource, which must not have a purpose (§3.3.5; the W3C test
 * suite's assertion 3.3.5-bodyEWRNoPurpose), so such files broke a MUST; they are still read.
 *
 * Import takes a collection with its first page embedded, a page, a JSON array of annotations or one
 * annotation, as other tools write them (Hypothesis among them), and refuses anything the model forbids.
 */
import { z } from 'zod';
import { type Annotation, ClaimAttributes, isLive, type Origin } from '../model/annotation';
import { DocumentId } from '../model/document';
import { fail, ok, type Problem } from '../result';
import { OffsetIndex } from '../text/offsets';
import { inFileOrder, originRecord, quoteCut, quoteCutMessage, readOrigin } from './common';
import type { ClaimRecord, ClaimSelector, ExportSet, FileEntry, InterchangeFormat } from './interchange';
import { parseJson, problemsFromZod } from './issues';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Some producers write the context with https; it names the same document. */
const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

const URN = 'urn:framing-workbench:';
const ANNOTATION_IRI = `${URN}annotation:`;
const DOCUMENT_IRI = `${URN}document:`;
const CODEBOOK_IRI = `${URN}codebook:`;
/** Our tag bodies' ids: the codebook id and version, then the tag id after `#`. */
const CODEBOOK_TAG_IRI = /^urn:framing-workbench:codebook:([^:#]+):([1-9][0-9]*)#/;
const PROPERTY_ID = 'schema:propertyID';
const ORIGIN = `${URN}origin`;
/** The origin's own context: its keys name terms under ORIGIN, not in the anno.jsonld context. */
const ORIGIN_CONTEXT = { '@vocab': `${ORIGIN}:` };

const READS = ['.jsonld', '.json'];
/** The anno.jsonld context as the value of (or inside the list of) `@context`, near the top of a file. */
const CONTEXT_PEEK = /"@context"\s*:\s*(?:\[[^\]]*?)?"https?:\/\/www\.w3\.org\/ns\/anno\.jsonld"/;
const PEEK_LENGTH = 4096;

const MAX_ANNOTATIONS = 1_000_000;
/** A collection, its page, an annotation, its target, selectors and a few refinements fit well inside. */
const MAX_DEPTH = 32;

/**
 * Why each attribute is in the annotation, in words a generic consumer understands: speaker and
 * stance describe the claim as the article makes it; confidence is the analyst's assessment.
 */
const ATTRIBUTE_PURPOSES = {
  speaker: 'describing',
  stance: 'describing',
  confidence: 'assessing',
  note: 'describing',
} as const satisfies Record<keyof ClaimAttributes, string>;
type AttributeKey = keyof typeof ATTRIBUTE_PURPOSES;
const ATTRIBUTE_KEYS = Object.keys(ATTRIBUTE_PURPOSES) as AttributeKey[];
const isAttributeKey = (key: string): key is AttributeKey => ATTRIBUTE_KEYS.includes(key as AttributeKey);

/** Body purposes that make a textual body a tag; other textual bodies are the annotator's notes. */
const TAG_PURPOSES = new Set(['tagging', 'classifying']);

const readsName = (name: string) => READS.some((ext) => name.toLowerCase().endsWith(ext));
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** The strings of a property that may hold one value or a list. */
const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
const hasType = (value: Record<string, unknown>, type: string) => strings(value.type).includes(type);
const hasAnnoContext = (value: Record<string, unknown>) => strings(value['@context']).some((c) => ANNO_CONTEXTS.has(c));

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A property that may hold one value or a list of them, each with its JSON path. */
function members(value: unknown, path: string): { value: unknown; path: string }[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((v, i) => ({ value: v, path: `${path}[${i}]` })) : [{ value, path }];
}

/** True when objects and arrays nest deeper than `limit`; walked without recursion so no input can overflow the stack. */
function nestedDeeperThan(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [value, depth] = entry;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

// Export

const codebookIri = (a: Annotation) => `${CODEBOOK_IRI}${encodeURIComponent(a.codebookId)}:${a.codebookVersion}`;

function tagBodies(a: Annotation, tag: string) {
  return [
    { type: 'TextualBody', purpose: 'tagging', value: tag, format: 'text/plain' },
    { type: 'SpecificResource', purpose: 'tagging', source: `${codebookIri(a)}#${encodeURIComponent(tag)}` },
  ];
}

function attributeBodies(attributes: ClaimAttributes) {
  return ATTRIBUTE_KEYS.flatMap((key) => {
    const value = attributes[key];
    return value === undefined
      ? []
      : [{ type: 'TextualBody', purpose: ATTRIBUTE_PURPOSES[key], [PROPERTY_ID]: key, value, format: 'text/plain' }];
  });
}

const originProperty = (origin: Origin) => ({ [ORIGIN]: { '@context': ORIGIN_CONTEXT, ...originRecord(origin) } });

function toW3c(a: Annotation, generator: { type: string; name: string }, generated: string) {
  const t = a.target;
  return {
    id: ANNOTATION_IRI + encodeURIComponent(a.id),
    type: 'Annotation',
    motivation: 'classifying',
    created: a.createdAt,
    modified: a.updatedAt,
    creator: { type: 'Person', name: a.annotator },
    generator,
    generated,
    body: [...a.tags.flatMap((tag) => tagBodies(a, tag)), ...attributeBodies(a.attributes)],
    target: {
      type: 'SpecificResource',
      source: DOCUMENT_IRI + encodeURIComponent(a.documentId),
      selector: [
        { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
        { type: 'TextPositionSelector', start: t.codePointStart, end: t.codePointEnd },
      ],
    },
    ...(a.origin && originProperty(a.origin)),
  };
}

/** Document order, then text order: the same claims give the same file whatever order they came in. */

function serialize(set: ExportSet): FileEntry[] {
  const claims = set.annotations.filter(isLive).sort(inFileOrder);
  const id = `${URN}export:${set.exportedAt}`;
  const page = `${id}:page:1`;
  const generator = { type: 'Software', name: `${set.app.name} ${set.app.version}` };
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Claims from ${set.app.name}, exported by ${set.annotator}`,
    total: claims.length,
    // A page must list at least one annotation, so an empty collection has none (§5.1, §5.2); the
    // one page there is is both the first and the last.
    ...(claims.length > 0
      ? {
          first: {
            id: page,
            type: 'AnnotationPage',
            partOf: id,
            startIndex: 0,
            items: claims.map((a) => toW3c(a, generator, set.exportedAt)),
          },
          last: page,
        }
      : {}),
  };
  return [{ name: 'annotations.jsonld', content: `${JSON.stringify(collection, null, 2)}\n` }];
}

// Import

const Names = z.union([z.string(), z.array(z.string())], { error: 'must be a name or a list of names' });
/** The model asks for UTC with "Z"; offsets (Hypothesis writes +00:00) are converted rather than refused. */
const DateTime = z.iso
  .datetime({ offset: true, error: 'must be an xsd:dateTime with a time zone, such as 2026-11-22T10:00:00Z' })
  .transform((value) => (value.endsWith('Z') ? value : new Date(value).toISOString()));
const Agent = z.union([
  z.string(),
  z.looseObject({ id: z.string().optional(), name: Names.optional(), nickname: z.string().optional() }),
]);
const Creator = z.union([Agent, z.array(Agent)], {
  error: 'must be an agent (an IRI, or an object with a name) or a list of agents',
});

const AnnotationHead = z.looseObject({
  id: z
    .string({ error: 'an Annotation must have an id: the IRI that identifies it' })
    .min(1, 'an Annotation id must not be empty'),
  type: z
    .unknown()
    .refine((type) => strings(type).includes('Annotation'), 'an Annotation must have the type "Annotation"'),
  motivation: Names.optional(),
  created: DateTime.optional(),
  modified: DateTime.optional(),
  creator: Creator.optional(),
});

const TextualBody = z.looseObject({
  id: z.string().optional(),
  purpose: Names.optional(),
  value: z.string({ error: 'a TextualBody must have exactly one value, a string' }),
  [PROPERTY_ID]: z.string().optional(),
});

const Offset = z
  .number({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a number') })
  .int('must be a whole number of characters')
  .nonnegative('must not be negative');
const TextPositionSelector = z
  .looseObject({ start: Offset, end: Offset })
  .refine((s) => s.end >= s.start, { message: 'ends before it starts', path: ['end'] });
const TextQuoteSelector = z.looseObject({
  exact: z.string({ error: 'a TextQuoteSelector must have exact: the quoted text' }),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

function annotatorOf(creator: z.infer<typeof Creator> | undefined): string | undefined {
  const agent = Array.isArray(creator) ? creator[0] : creator;
  // A bare IRI is all some producers give, e.g. Hypothesis's acct:name@hypothes.is.
  if (agent === undefined || typeof agent === 'string') return agent;
  return strings(agent.name)[0] ?? agent.nickname ?? agent.id;
}

function codebookOf(tagIri: string | undefined): { id: string; version: number } | undefined {
  const match = tagIri?.match(CODEBOOK_TAG_IRI);
  const id = match?.[1] === undefined ? undefined : decode(match[1]);
  return id === undefined ? undefined : { id, version: Number(match?.[2]) };
}

/** Whether a body is there to tag: by its purpose, or without one by the annotation's motivation. */
const isTagging = (body: Record<string, unknown>, motivations: string[]) =>
  (body.purpose === undefined ? motivations : strings(body.purpose)).some((p) => TAG_PURPOSES.has(p));

/** The tag and codebook of a semantic tag whose source is one of our tag IRIs; others name nothing the app keeps. */
function semanticTag(body: Record<string, unknown>, motivations: string[]) {
  const source = isObject(body.source) ? body.source.id : body.source;
  if (typeof source !== 'string' || !isTagging(body, motivations)) return undefined;
  const codebook = codebookOf(source);
  const tag = codebook && decode(source.slice(source.indexOf('#') + 1));
  return tag ? { tag, codebook } : undefined;
}

interface Findings {
  problems: Problem[];
  skipped: Problem[];
  claims: ClaimRecord[];
  annotations: number;
}

type Located = { documentId: string; selector: ClaimSelector } | { skip: string };

/** Reads one file into the findings; every problem and skip names the file and a JSON path in it. */
class JsonLdReader {
  constructor(
    private readonly name: string,
    private readonly found: Findings,
  ) {}

  private at(path: string): string {
    return `${this.name} ${path}`;
  }

  private problem(path: string, message: string): void {
    this.found.problems.push({ path: this.at(path), message });
  }

  private skip(path: string, message: string): void {
    this.found.skipped.push({ path: this.at(path), message });
  }

  private check<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const p of problemsFromZod(result.error)) this.problem(path + p.path.slice(1), p.message);
    return undefined;
  }

  read(content: string): void {
    const json = parseJson(content.replace(/^\uFEFF/, ''));
    if (!json.ok) {
      for (const p of json.error) this.problem(p.path, p.message);
      return;
    }
    const root = json.value;
    if (nestedDeeperThan(root, MAX_DEPTH)) {
      this.problem('$', `nested more than ${MAX_DEPTH} levels deep, far deeper than W3C annotations need`);
    } else if (Array.isArray(root)) {
      // A plain list has no context of its own: each annotation carries it.
      this.readAnnotations(root, '$', true);
    } else if (!isObject(root) || !hasAnnoContext(root)) {
      this.problem('$', `not W3C Web Annotation JSON-LD: "@context" must include "${ANNO_CONTEXT}"`);
    } else if (hasType(root, 'AnnotationCollection')) {
      this.readCollection(root);
    } else if (hasType(root, 'AnnotationPage')) {
      this.readPage(root, '$');
    } else if (hasType(root, 'Annotation')) {
      if (this.counted(1, '$')) this.readAnnotation(root, '$', false);
    } else {
      this.problem('$.type', 'must be "Annotation", "AnnotationPage" or "AnnotationCollection"');
    }
  }

  /** Containers' own ids and labels are not needed to read the claims, so only their contents are checked. */
  private readCollection(collection: Record<string, unknown>): void {
    const { first, total } = collection;
    if (first === undefined) {
      if (typeof total === 'number' && total > 0) {
        this.problem('$.first', `the collection says it holds ${total} annotations but has no first page`);
      }
    } else if (typeof first === 'string') {
      this.problem(
        '$.first',
        'the first page is only linked, not embedded: export the collection with its annotations',
      );
    } else if (!isObject(first) || !hasType(first, 'AnnotationPage')) {
      this.problem('$.first', 'must be an AnnotationPage');
    } else {
      this.readPage(first, '$.first');
    }
  }

  private readPage(page: Record<string, unknown>, path: string): void {
    if (!Array.isArray(page.items)) {
      this.problem(`${path}.items`, 'an AnnotationPage must list its annotations in an "items" array');
      return;
    }
    if (page.next !== undefined) {
      this.skip(`${path}.next`, 'the collection continues on a page that is not in this file; only this page was read');
    }
    this.readAnnotations(page.items, `${path}.items`, false);
  }

  private readAnnotations(items: unknown[], path: string, needContext: boolean): void {
    if (!this.counted(items.length, path)) return;
    for (const [i, item] of items.entries()) this.readAnnotation(item, `${path}[${i}]`, needContext);
  }

  /** Counts annotations across all files, refusing absurd numbers before reading them. */
  private counted(annotations: number, path: string): boolean {
    this.found.annotations += annotations;
    if (this.found.annotations <= MAX_ANNOTATIONS) return true;
    this.problem(path, `more than ${MAX_ANNOTATIONS.toLocaleString('en')} annotations: split the export`);
    return false;
  }

  private readAnnotation(value: unknown, path: string, needContext: boolean): void {
    if (!isObject(value)) {
      this.problem(path, 'must be an Annotation object');
      return;
    }
    if (needContext && !hasAnnoContext(value)) {
      this.problem(`${path}.@context`, `an Annotation must have "@context" including "${ANNO_CONTEXT}"`);
      return;
    }
    const head = this.check(AnnotationHead, value, path);
    const located = this.locate(value.target, `${path}.target`);
    const content = this.readBodies(value.body, `${path}.body`, strings(head?.motivation));
    if (head === undefined || located === undefined || content === undefined) return;
    if ('skip' in located) {
      this.skip(path, located.skip);
      return;
    }
    if (content.tags.length === 0) {
      this.skip(path, 'has no tag: no TextualBody with purpose "tagging" or "classifying"');
      return;
    }
    const id = head.id.startsWith(ANNOTATION_IRI) ? decode(head.id.slice(ANNOTATION_IRI.length)) : head.id;
    const madeBy = readOrigin(value[ORIGIN], (why) => this.skip(`${path}.${ORIGIN}`, why));
    this.found.claims.push({
      id: id ?? head.id,
      documentId: located.documentId,
      selector: located.selector,
      tags: content.tags,
      attributes: content.attributes,
      annotator: annotatorOf(head.creator),
      codebookId: content.codebook?.id,
      codebookVersion: content.codebook?.version,
      createdAt: head.created,
      updatedAt: head.modified,
      origin: this.at(path),
      ...(madeBy && { madeBy }),
    });
  }

  /** The document and span a target names, a reason the app cannot take it, or undefined after a problem. */
  private locate(value: unknown, path: string): Located | undefined {
    const targets = members(value, path);
    const [only] = targets;
    if (only === undefined) {
      this.problem(path, 'an Annotation must have a target: the text it annotates');
      return undefined;
    }
    if (targets.length > 1) return { skip: `has ${targets.length} targets; a claim is one span of one document` };
    const target = only.value;
    if (typeof target === 'string')
      return { skip: 'annotates a whole resource (its target is an IRI), not a span of text' };
    if (!isObject(target)) {
      this.problem(only.path, 'a target must be an IRI or an object');
      return undefined;
    }
    if (target.source === undefined) {
      if (typeof target.id === 'string')
        return { skip: 'annotates a whole resource (its target has no source), not a span of text' };
      this.problem(`${only.path}.source`, 'a target must have a source: the IRI of the annotated document');
      return undefined;
    }
    const source = isObject(target.source) ? target.source.id : target.source;
    if (typeof source !== 'string') {
      this.problem(`${only.path}.source`, 'must be the IRI of the annotated document, or an object with it as "id"');
      return undefined;
    }
    const documentId = this.documentId(source, `${only.path}.source`);
    const selector = this.readSelectors(target.selector, `${only.path}.selector`);
    if (documentId === undefined || selector === undefined) return undefined;
    return 'skip' in selector ? selector : { documentId, selector };
  }

  /** Our own document IRIs carry the corpus path; any other IRI is kept for the import to match. */
  private documentId(iri: string, path: string): string | undefined {
    if (!iri.startsWith(DOCUMENT_IRI)) return iri;
    const id = decode(iri.slice(DOCUMENT_IRI.length));
    if (id !== undefined) return this.check(DocumentId, id, path);
    this.problem(path, 'the document id in this IRI is not valid percent-encoding');
    return undefined;
  }

  /**
   * The quote and position among a target's selectors. Only top-level selectors count: a
   * TextPositionSelector refining an XPathSelector counts inside an element, not the document.
   */
  private readSelectors(value: unknown, path: string): ClaimSelector | { skip: string } | undefined {
    let quote: z.infer<typeof TextQuoteSelector> | undefined;
    let position: (z.infer<typeof TextPositionSelector> & { path: string }) | undefined;
    let valid = true;
    const others: string[] = [];
    for (const member of members(value, path)) {
      const type = isObject(member.value) ? member.value.type : undefined;
      if (type === 'TextQuoteSelector') {
        const read = this.check(TextQuoteSelector, member.value, member.path);
        // A quote that begins or ends inside an astral character could only be found by cutting one.
        const cut = read && quoteCut(read);
        if (cut) this.problem(`${member.path}.exact`, quoteCutMessage(cut));
        valid &&= read !== undefined && cut === undefined;
        quote ??= read;
      } else if (type === 'TextPositionSelector') {
        const read = this.check(TextPositionSelector, member.value, member.path);
        valid &&= read !== undefined;
        position ??= read && { ...read, path: member.path };
      } else {
        others.push(typeof type === 'string' ? type : 'a selector without a type');
      }
    }
    if (!valid) return undefined;
    if (quote === undefined && position === undefined) {
      return {
        skip:
          others.length > 0
            ? `its selectors (${others.join(', ')}) do not locate plain text; a TextQuoteSelector or TextPositionSelector is needed`
            : 'annotates a whole document: its target has no selector',
      };
    }
    if (quote !== undefined && position !== undefined) {
      const quoted = new OffsetIndex(quote.exact).codePointLength;
      // Tools that count UTF-16 units (Hypothesis does) disagree with the quote around emoji; the
      // quote is the evidence, so the claim is placed by it and the position is set aside.
      if (quoted !== position.end - position.start) {
        this.skip(
          position.path,
          `spans ${position.end - position.start} characters but the quote has ${quoted} code points (positions must count Unicode code points): placed by its quote instead`,
        );
        position = undefined;
      }
    }
    if (position ? position.start === position.end : quote?.exact === '') return { skip: 'selects no text' };
    return {
      unit: 'codepoint',
      start: position?.start,
      end: position?.end,
      exact: quote?.exact,
      prefix: quote?.prefix,
      suffix: quote?.suffix,
    };
  }

  /**
   * Tags, attributes and the codebook from the textual bodies and our semantic tags; links and
   * other resources carry nothing the app keeps.
   */
  private readBodies(value: unknown, path: string, motivations: string[]) {
    const tags: string[] = [];
    const notes: string[] = [];
    const attributes: ClaimAttributes = {};
    let codebook: { id: string; version: number } | undefined;
    let valid = true;
    for (const member of members(value, path)) {
      const raw = member.value;
      if (isObject(raw) && hasType(raw, 'SpecificResource')) {
        const semantic = semanticTag(raw, motivations);
        if (semantic && !tags.includes(semantic.tag)) tags.push(semantic.tag);
        codebook ??= semantic?.codebook;
        continue;
      }
      if (!isObject(raw) || !(hasType(raw, 'TextualBody') || (raw.type === undefined && 'value' in raw))) continue;
      const body = this.check(TextualBody, raw, member.path);
      if (body === undefined) {
        valid = false;
        continue;
      }
      const key = body[PROPERTY_ID];
      if (key === 'note' || (key === undefined && !isTagging(raw, motivations))) {
        // Our note may be empty; other tools' empty comment bodies (Hypothesis writes one) say nothing.
        if (key === 'note' || body.value !== '') notes.push(body.value);
      } else if (key !== undefined) {
        this.readAttribute(key, body.value, member.path, attributes);
      } else if (body.value === '') {
        this.skip(`${member.path}.value`, 'an empty tag was left out');
      } else {
        if (!tags.includes(body.value)) tags.push(body.value);
        codebook ??= codebookOf(body.id);
      }
    }
    if (notes.length > 0) attributes.note = notes.join('\n\n');
    return valid ? { tags, attributes, codebook } : undefined;
  }

  private readAttribute(key: string, value: string, path: string, attributes: ClaimAttributes): void {
    if (!isAttributeKey(key)) {
      this.skip(`${path}.${PROPERTY_ID}`, `"${key}" is not a claim attribute (speaker, stance, confidence or note)`);
      return;
    }
    if (attributes[key] !== undefined) {
      this.skip(path, `a second ${key}; the first was kept`);
      return;
    }
    const parsed = ClaimAttributes.shape[key].safeParse(value);
    if (parsed.success) Object.assign(attributes, { [key]: parsed.data });
    else this.skip(`${path}.value`, `${key} "${value}" was left out: ${parsed.error.issues[0]?.message}`);
  }
}

function parse(files: readonly FileEntry[]) {
  const found: Findings = { problems: [], skipped: [], claims: [], annotations: 0 };
  for (const file of files) {
    if (readsName(file.name)) new JsonLdReader(file.name, found).read(file.content);
    else found.skipped.push({ path: file.name, message: 'not a .jsonld or .json file, so not read' });
  }
  if (!files.some((file) => readsName(file.name))) {
    found.problems.push({ path: files[0]?.name ?? '', message: 'no .jsonld or .json file to read' });
  }
  if (found.problems.length > 0) return fail(found.problems);
  const documentIds = [...new Set(found.claims.map((claim) => claim.documentId))].sort();
  return ok({
    documents: documentIds.map((id) => ({ id })),
    claims: found.claims,
    tombstones: [],
    skipped: found.skipped,
  });
}

export const w3cFormat: InterchangeFormat = {
  id: 'w3c',
  name: 'W3C Web Annotation (JSON-LD)',
  leavesOut: ['document-framing'],
  offsetUnit: 'codepoint',
  reads: READS,
  detect: (files) =>
    files.some((file) => readsName(file.name) && CONTEXT_PEEK.test(file.content.slice(0, PEEK_LENGTH))),
  parse,
  serialize,
};

import { z } from 'zod';
import { compareCodeUnits } from '../text/compare';
import { codePointsAfter, codePointsBefore, type OffsetIndex } from '../text/offsets';
import { ValueId } from './codebook';
import { DocumentId } from './document';

/** How much context a target keeps on each side of the quote, in code points. */
export const CONTEXT_LENGTH = 32;

export const TextTarget = z
  .object({
    /** UTF-16 code units into the served text. */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** The same span in Unicode code points, for tools that count those. */
    codePointStart: z.number().int().nonnegative(),
    codePointEnd: z.number().int().nonnegative(),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  })
  .refine((t) => t.end > t.start && t.codePointEnd > t.codePointStart, {
    message: 'a span must end after it starts',
  })
  .refine((t) => t.exact.length === t.end - t.start, {
    message: 'the quote must be as long as the span',
  });

/** Stance and confidence take the values the claim's codebook defines (by default endorsed/reported/disputed and low/medium/high). */
export const ClaimAttributes = z.object({
  speaker: z.string().optional(),
  stance: ValueId.optional(),
  confidence: ValueId.optional(),
  note: z.string().optional(),
});

const isoTime = z.iso.datetime();

export const Annotation = z.object({
  /** A ULID: unique and sortable by creation time. */
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  documentId: DocumentId,
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  target: TextTarget,
  tags: z.array(z.string().min(1)).min(1),
  attributes: ClaimAttributes,
  annotator: z.string().min(1),
  codebookId: z.string().min(1),
  codebookVersion: z.number().int().positive(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** A tombstone: set when deleted, so a merge can tell a deletion from an absence. */
  deletedAt: isoTime.optional(),
  /**
   * On a gold claim: how adjudication made it (every annotator agreed; one claim accepted, then
   * perhaps edited; several merged), from which claims, by whom and why.
   */
  provenance: z
    .object({
      decision: z.enum(['agreed', 'accepted', 'edited', 'merged']),
      sources: z.array(z.object({ id: z.string(), annotator: z.string() })).min(1),
      decidedBy: z.string().min(1),
      decidedAt: isoTime,
      rationale: z.string().optional(),
    })
    .optional(),
  /**
   * How a claim was made when not one by one by hand: a hit of the Search mode coded with others
   * (the query, whether it was a regular expression, and the extent coded: the hit, its sentence
   * or its paragraph), or a suggestion the analyst accepted (text tagged elsewhere that recurs, or
   * a gazetteer's entry, with the suggestion's score).
   */
  origin: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('search'),
        query: z.string().min(1),
        regex: z.boolean(),
        extent: z.enum(['hit', 'sentence', 'paragraph']),
      }),
      z.object({
        kind: z.literal('suggestion'),
        source: z.enum(['repeats', 'gazetteer']),
        score: z.number().min(0).max(1),
      }),
    ])
    .optional(),
  /** Set on an imported claim whose placement the analyst should check (low score or ambiguous). */
  anchoring: z
    .object({
      score: z.number().min(0).max(1),
      method: z.enum(['position', 'quote', 'fuzzy']),
      ambiguous: z.boolean(),
      source: z.string(),
    })
    .optional(),
});

export type TextTarget = z.infer<typeof TextTarget>;
export type ClaimAttributes = z.infer<typeof ClaimAttributes>;
export type Provenance = NonNullable<z.infer<typeof Annotation>['provenance']>;
export type Origin = NonNullable<z.infer<typeof Annotation>['origin']>;
export type Annotation = z.infer<typeof Annotation>;

/** The target of [start, end) in the indexed text: the quote and its context. */
export function textTarget(index: OffsetIndex, start: number, end: number): TextTarget {
  const { text } = index;
  return {
    start,
    end,
    codePointStart: index.toCodePoint(start),
    codePointEnd: index.toCodePoint(end),
    exact: text.slice(start, end),
    prefix: codePointsBefore(text, start, CONTEXT_LENGTH),
    suffix: codePointsAfter(text, end, CONTEXT_LENGTH),
  };
}

export interface NewClaim {
  id: string;
  documentId: string;
  documentSha256: string;
  target: TextTarget;
  tagId: string;
  annotator: string;
  codebookId: string;
  codebookVersion: number;
  now: string;
}

export function newClaim(input: NewClaim): Annotation {
  return {
    id: input.id,
    documentId: input.documentId,
    documentSha256: input.documentSha256,
    target: input.target,
    tags: [input.tagId],
    attributes: {},
    annotator: input.annotator,
    codebookId: input.codebookId,
    codebookVersion: input.codebookVersion,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

export const isLive = (annotation: Annotation) => annotation.deletedAt === undefined;

type Positioned = Pick<Annotation, 'id' | 'target'>;

/** Text order: by start, longer spans first so an enclosing claim precedes what it contains. */
export function compareByPosition(a: Positioned, b: Positioned): number {
  return a.target.start - b.target.start || b.target.end - a.target.end || compareCodeUnits(a.id, b.id);
}

/** The claim with `patch` merged into its attributes; an attribute set to undefined is removed, not kept empty. */
export function withAttributes(claim: Annotation, patch: Partial<ClaimAttributes>): Annotation {
  const attributes = Object.fromEntries(
    Object.entries({ ...claim.attributes, ...patch }).filter(([, value]) => value !== undefined),
  );
  return { ...claim, attributes };
}

import { z } from 'zod';

/** A document id is its path relative to the corpus root, always with forward slashes. */
export const DocumentId = z
  .string()
  .min(1)
  .max(1024)
  .refine((id) => !id.split('/').some((part) => part === '..' || part === '.' || part === ''), {
    message: 'must be a relative path inside the corpus',
  });

export const SegmentKind = z.enum(['title', 'body', 'metadata', 'boilerplate']);

/** A range [start, end) of the served text, in UTF-16 code units. */
export const Segment = z.object({
  kind: SegmentKind,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const DocumentFormat = z.enum(['text', 'markdown', 'html', 'json']);

export const DocumentSummary = z.object({
  id: DocumentId,
  title: z.string(),
  language: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Characters (UTF-16 code units) of the served text. */
  length: z.number().int().nonnegative(),
  /** Bytes of the file on disk (for JSON corpora: of the whole file). */
  bytes: z.number().int().nonnegative(),
  format: DocumentFormat,
  /** How the file's bytes were read, e.g. 'utf-8', 'windows-1251'. */
  encoding: z.string(),
  source: z.string().optional(),
  url: z.string().optional(),
  /** ISO 8601 date (YYYY-MM-DD) when known. */
  date: z.string().optional(),
  author: z.string().optional(),
});

export const CorpusDocument = DocumentSummary.extend({
  /** The text exactly as served; annotation offsets point into it and it is never rewritten. */
  text: z.string(),
  segments: z.array(Segment),
});

/** A file in the corpus folder that is not served as a document, and why. */
export const SkippedFile = z.object({
  path: z.string(),
  reason: z.string(),
});

export const CorpusListing = z.object({
  /** Stable for a corpus folder on this machine: the app keeps each corpus's work apart by it. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string(),
  /** Where the corpus folder is, for display. */
  root: z.string(),
  documents: z.array(DocumentSummary),
  skipped: z.array(SkippedFile),
});

export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type CorpusDocument = z.infer<typeof CorpusDocument>;
export type CorpusListing = z.infer<typeof CorpusListing>;
export type Segment = z.infer<typeof Segment>;
export type SkippedFile = z.infer<typeof SkippedFile>;

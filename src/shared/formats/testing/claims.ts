import { narrativesCodebook } from '../../codebooks/narratives';
import { type Annotation, newClaim, textTarget } from '../../model/annotation';
import type { DocumentLabel } from '../../model/document-label';
import { OffsetIndex } from '../../text/offsets';
import type { ExportSet } from '../interchange';

export interface ClaimOptions {
  /** The document's hash as the claim records it; the document's own when it has one. */
  sha256?: string;
  annotator?: string;
  codebookId?: string;
  now?: string;
  /** Fields to set over the made claim (attributes, times, provenance). */
  extra?: Partial<Annotation>;
}

/** A claim on the first place `quote` stands in the document, as the app stores it: the formats' tests' material. */
export function claimOnQuote(
  doc: { id: string; text: string; sha256?: string },
  quote: string,
  tags: string[],
  id: string,
  options: ClaimOptions = {},
): Annotation {
  const start = doc.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${doc.id}`);
  const made = newClaim({
    id,
    documentId: doc.id,
    documentSha256: options.sha256 ?? doc.sha256 ?? 'c'.repeat(64),
    target: textTarget(new OffsetIndex(doc.text), start, start + quote.length),
    tagId: tags[0] as string,
    annotator: options.annotator ?? 'Ada',
    codebookId: options.codebookId ?? 'narratives',
    codebookVersion: 1,
    now: options.now ?? '2026-11-22T10:00:00.000Z',
  });
  return { ...made, tags, ...options.extra };
}

/** An export of these documents (each titled by its id, in English) and claims, as the app writes one. */
export function exportOf(
  documents: readonly { id: string; text: string; missing?: boolean }[],
  annotations: Annotation[],
  options: { sha256: string; documentLabels?: DocumentLabel[] },
): ExportSet {
  return {
    exportedAt: '2026-11-22T12:00:00.000Z',
    app: { name: 'Framing Workbench', version: '0.1.0' },
    annotator: 'Ada',
    codebook: narrativesCodebook,
    documents: documents.map((d) => ({ ...d, title: d.id, language: 'en', sha256: options.sha256 })),
    annotations,
    ...(options.documentLabels ? { documentLabels: options.documentLabels } : {}),
  };
}

import type { ExportDocument, FormatId } from '../../../shared/formats/interchange';
import { formatById } from '../../../shared/formats/registry';
import type { AppInfo, SaveRequest } from '../../../shared/host-api';
import type { Annotation } from '../../../shared/model/annotation';
import type { ClusterReview } from '../../../shared/model/cluster-review';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusDocument, CorpusListing } from '../../../shared/model/document';
import type { DocumentLabel } from '../../../shared/model/document-label';
import type { TagBook } from '../../../shared/model/tag-book';
import { GOLD } from '../../../shared/review/compare';
import { fileNameSlug } from '../../../shared/text/file-name';
import { allClaims } from '../../db/claim-queries';
import { allDocumentLabels } from '../../db/document-labels';
import { allReviews } from '../../db/review';
import { zipFiles } from '../../lib/zip-files';
import type { CorpusSession } from '../../session/corpus-session';
import { type AnchorCheck, anchorToCurrentTexts } from '../../session/current-anchors';

export type ExportScope = 'corpus' | 'documents' | 'annotator';

export interface ExportChoice {
  format: FormatId;
  scope: ExportScope;
  /** Native format only: put each document's text in the file so it stands alone. */
  includeTexts: boolean;
  /** With scope 'annotator': whose claims. */
  annotator: string;
  /**
   * With several layers: one layer's claims only (its codebook id), or '' for every layer's.
   * Absent when the corpus codes with one codebook.
   */
  layer?: string;
  /** With scope 'documents': which documents. */
  documentIds: string[];
}

export interface ExportInput {
  app: AppInfo;
  listing: CorpusListing;
  codebook: Codebook;
  annotator: string;
  annotations: readonly Annotation[];
  documentLabels: readonly DocumentLabel[];
  /** Review's records of disagreements: written with the whole corpus's work, and with gold. */
  reviews?: readonly ClusterReview[];
  loadDocument(id: string): Promise<CorpusDocument>;
  now: Date;
  /** Every codebook version here: names the tags claims carry from other codebooks. */
  tagBook?: TagBook;
}

/** The tags claims carry that `codebook` does not have, as the claims' own codebooks name them. */
function otherTagsOf(codebook: Codebook, claims: readonly Annotation[], tagBook: TagBook | undefined) {
  const named = new Map<string, { label: string; colour: string }>();
  const known = new Set(codebook.tags.map((t) => t.id));
  for (const claim of claims)
    for (const id of claim.tags) if (!known.has(id) && !named.has(id) && tagBook) named.set(id, tagBook.tag(claim, id));
  return named;
}

/**
 * What the file holds, in its name: corpus, whose claims (everyone's, or one annotator's), the
 * codebook, the format and when, so that Anna's, Boris's and the gold file can be told apart.
 */
function exportName(choice: ExportChoice, input: ExportInput): string {
  const stamp = input.now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const corpus = fileNameSlug(input.listing.name, 'corpus');
  const whose = choice.scope === 'annotator' ? fileNameSlug(choice.annotator, 'annotator') : 'all';
  const layer = choice.layer === '' ? 'all-layers' : fileNameSlug(input.codebook.id, 'codebook');
  return `${corpus}-${whose}-${layer}-${choice.format}-${stamp}`;
}

/** The chosen format's file for the chosen scope; several files (brat) are zipped into one. */
export async function buildExport(choice: ExportChoice, input: ExportInput): Promise<SaveRequest> {
  const format = formatById(choice.format);
  const chosen = new Set(choice.documentIds);
  const inScope = input.listing.documents.filter((d) => choice.scope !== 'documents' || chosen.has(d.id));
  const native = choice.format === 'native';
  const inScopeIds = new Set(inScope.map((d) => d.id));
  // The native file (and so every backup) of the corpus or of an annotator keeps the claims of
  // documents the folder no longer has, so that no claim is left out; other tools' formats need
  // each document's text. One pass: this runs over every claim of the corpus.
  const keepMissing = native && choice.scope !== 'documents';
  const missing = new Map<string, string>();
  const annotations = input.annotations.filter((a) => {
    if (choice.scope === 'annotator' && a.annotator !== choice.annotator) return false;
    if (choice.layer && a.codebookId !== choice.layer) return false;
    if (inScopeIds.has(a.documentId)) return true;
    if (!keepMissing) return false;
    missing.set(a.documentId, a.documentSha256);
    return true;
  });
  const inExport = (id: string) => inScopeIds.has(id) || missing.has(id);
  const documentLabels = input.documentLabels.filter(
    (l) => inExport(l.documentId) && (choice.scope !== 'annotator' || l.annotator === choice.annotator),
  );
  // Other tools' formats describe documents that have claims, or framing where they can hold it;
  // the native file lists the whole scope.
  const keepsFraming = !format.leavesOut.includes('document-framing');
  const withClaims = new Set([
    ...annotations.map((a) => a.documentId),
    ...(keepsFraming ? documentLabels.filter((l) => l.tags.length > 0).map((l) => l.documentId) : []),
  ]);
  const described = native ? inScope : inScope.filter((d) => withClaims.has(d.id));
  const needText = !native || choice.includeTexts;
  // A text is described with the hash of the text as read (in the analyst's encoding), not as listed.
  const documents: ExportDocument[] = await Promise.all(
    described.map(async (d) => {
      const read = needText ? await input.loadDocument(d.id) : undefined;
      return {
        id: d.id,
        title: d.title,
        language: d.language,
        sha256: read?.sha256 ?? d.sha256,
        text: read?.text ?? '',
      };
    }),
  );
  for (const [id, sha256] of missing)
    documents.push({ id, title: id, language: 'und', sha256, text: '', missing: true });
  const files = format.serialize({
    exportedAt: input.now.toISOString(),
    app: { name: input.app.name, version: input.app.version },
    annotator: input.annotator,
    codebook: input.codebook,
    documents,
    annotations,
    includeTexts: choice.includeTexts,
    documentLabels,
    reviews: (input.reviews ?? []).filter(
      (r) => inExport(r.documentId) && (choice.scope !== 'annotator' || choice.annotator === GOLD),
    ),
    otherTags: otherTagsOf(input.codebook, annotations, input.tagBook),
  });
  const base = exportName(choice, input);
  if (format.archive) {
    return { suggestedName: `${base}${format.archive}`, content: zipFiles(files), encoding: 'base64' };
  }
  const [only] = files;
  if (files.length === 1 && only) {
    const extension = only.name.includes('.') ? only.name.slice(only.name.lastIndexOf('.')) : '';
    return { suggestedName: `${base}${extension}`, content: only.content, encoding: 'utf8' };
  }
  return { suggestedName: `${base}.zip`, content: zipFiles(files, base), encoding: 'base64' };
}

/**
 * Gathers the corpus's work from the database and builds the chosen export of it, with each text
 * as the analyst reads it (in the encoding they chose) and, with `checkFiles`, every claim found
 * again in its file as the file is now; says which documents could not be checked. A backup does
 * not check: it keeps the claims exactly as stored, each with the hash of the text it was made on,
 * and they are found again when their document is next opened.
 */
export async function exportFromDatabase(
  session: CorpusSession,
  codebook: Codebook,
  choice: ExportChoice,
  { checkFiles = true, tagBook }: { checkFiles?: boolean; tagBook?: TagBook } = {},
): Promise<{ request: SaveRequest; unchecked: AnchorCheck['unchecked'] }> {
  const [app, stored, documentLabels, reviews] = await Promise.all([
    session.host.getAppInfo(),
    allClaims(session),
    allDocumentLabels(session),
    allReviews(session),
  ]);
  const check = checkFiles ? await anchorToCurrentTexts(session, stored) : { reanchored: [], unchecked: [] };
  const annotations = check.reanchored.length > 0 ? await allClaims(session) : stored;
  const request = await buildExport(choice, {
    listing: session.listing,
    codebook,
    annotator: session.annotator,
    app,
    annotations: annotations.map(({ corpusId: _, ...claim }) => claim),
    documentLabels,
    reviews,
    loadDocument: session.readDocument,
    now: new Date(),
    tagBook,
  });
  return { request, unchecked: check.unchecked };
}

import type { HostApi } from '../../shared/host-api';
import { withAttributes } from '../../shared/model/annotation';
import type { CorpusDocument, CorpusListing } from '../../shared/model/document';
import type { AppData } from '../db/app-data';
import { ClaimCounts } from '../db/claim-counts';
import { ClaimHistory, typingStep } from '../db/claim-history';
import { type CorpusScope, takeOverUnassigned } from '../db/corpus-scope';
import { ClaimStores } from '../db/document-claims';
import { chosenEncoding } from '../db/document-states';
import { TypedDrafts, typedValue } from '../db/typed-drafts';
import { FrameScheduler } from '../lib/after-paint';
import { ShownDocuments } from './shown-documents';

/**
 * Everything the window knows about the open corpus, made when the corpus is entered and handed
 * down by context: its listing, who annotates, its claims stores and undo history, the counts of
 * the document list, and how to read a document as the analyst reads it.
 */
export interface CorpusSession extends CorpusScope {
  readonly listing: CorpusListing;
  readonly annotator: string;
  readonly host: HostApi;
  readonly frames: FrameScheduler;
  readonly history: ClaimHistory;
  /** The claims store of each document: every write to claims goes through one. */
  readonly claims: ClaimStores;
  readonly counts: ClaimCounts;
  readonly shownDocuments: ShownDocuments;
  /** Text typed into claims' fields and not yet written. */
  readonly drafts: TypedDrafts;
  /**
   * A document's text as the analyst reads it: with the encoding they chose for it, or the
   * detected one. Everything that builds claims or quotes on a text reads it here.
   */
  readDocument(id: string): Promise<CorpusDocument>;
  /** The same, with the encoding given (the reader already knows the choice). */
  readDocumentAs(id: string, encoding: string | undefined): Promise<CorpusDocument>;
}

interface SessionInput extends AppData {
  host: HostApi;
  listing: CorpusListing;
  annotator: string;
  /** Where the undo history lives; the window's sessionStorage unless a test gives its own. */
  historyStorage?: Storage;
  /** Where typed text waits for its write; the window's localStorage unless a test gives its own. */
  draftStorage?: Storage;
}

/** Enters a corpus (taking over unassigned records of its documents) and opens its session. */
export async function openCorpusSession(input: SessionInput): Promise<CorpusSession> {
  const { db, saves, host, listing, annotator } = input;
  await takeOverUnassigned(db, listing);
  const corpusId = listing.id;
  const frames = new FrameScheduler();
  const history = new ClaimHistory(corpusId, input.historyStorage);
  const shownDocuments = new ShownDocuments();
  let counts: ClaimCounts | undefined;
  const claims = new ClaimStores({
    db,
    corpusId,
    saves,
    history,
    frames,
    written: (documentIds) => counts?.written(documentIds),
  });
  counts = new ClaimCounts({ db, corpusId, frames, shown: (id) => claims.shown(id) });
  const scope: CorpusScope = { db, corpusId, saves };
  const drafts = new TypedDrafts(corpusId, input.draftStorage);
  await putBackTyping(drafts, claims);
  const readDocumentAs = async (id: string, encoding: string | undefined) =>
    shownDocuments.keep(id, encoding, await host.getDocument(id, encoding));
  return {
    ...scope,
    listing,
    annotator,
    host,
    frames,
    history,
    claims,
    counts,
    shownDocuments,
    drafts,
    readDocumentAs,
    readDocument: async (id) => readDocumentAs(id, await chosenEncoding(scope, id)),
  };
}

/**
 * Writes the text typed in the last session that had not reached the database (the window went
 * away first). A claim deleted since takes its draft with it.
 */
async function putBackTyping(drafts: TypedDrafts, claims: ClaimStores): Promise<void> {
  for (const draft of drafts.all()) {
    await claims
      .of(draft.documentId)
      .update(draft.claimId, (claim) => withAttributes(claim, { [draft.field]: typedValue(draft.value) }), {
        mergeKey: typingStep(draft.claimId, draft.field),
      })
      .catch(() => undefined);
    drafts.drop(draft);
  }
}

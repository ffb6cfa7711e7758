import { useMemo, useState } from 'react';
import type { SearchHit } from '../../../shared/host-api';
import { effectiveStatus, statusesOf, useDocumentStates } from '../../db/document-states';
import { useMissingDocuments } from '../../db/missing-documents';
import type { TextRange } from '../../editor/selection-offsets';
import { useClaimCounts, useCodebook, useDocument, useListedClaims, useSession } from '../../session/SessionContext';
import { DocumentList } from '../corpus';
import { DocumentWorkspace } from './DocumentWorkspace';
import { MissingDocument } from './MissingDocument';
import { useAnnotateMessages } from './messages';

interface Props {
  openId: string | undefined;
  onOpen(id: string): void;
  /** A claim to select once its document is open (from the corpus-wide claims view). */
  focusClaim?: string;
  /** Text to select once its document is open (a hit of the Search mode). */
  focusRange?: TextRange;
}

/** Annotate: the corpus's documents on the left, the open one in the workspace. */
export function AnnotateView({ openId, onOpen, focusClaim, focusRange }: Props) {
  const session = useSession();
  const codebook = useCodebook();
  const states = useDocumentStates(session);
  const listed = useMemo(() => new Set(session.listing.documents.map((d) => d.id)), [session]);
  const isMissing = openId !== undefined && !listed.has(openId);
  const encoding = openId ? states?.get(openId)?.encoding : undefined;
  // Wait for the saved choices, so a document is never read once with the wrong encoding.
  const document = useDocument(states && !isMissing ? openId : undefined, encoding);
  // Read beside the document, not after it, so the reader draws text and claims in one go.
  const claims = useListedClaims(openId);
  const counts = useClaimCounts();
  const statusOf = useMemo(() => statusesOf(states, counts), [states, counts]);
  const noCounts = useMemo(() => new Map(), []);
  const missing = useMissingDocuments(session, session.listing, counts);
  const tagLabels = useMemo(() => new Map(codebook.tags.map((t) => [t.id, t.label])), [codebook]);
  const m = useAnnotateMessages();
  const [hits, setHits] = useState<readonly SearchHit[]>();
  const foundWords = openId ? hits?.find((hit) => hit.id === openId)?.terms : undefined;

  return (
    <>
      <DocumentList
        listing={session.listing}
        claims={counts ?? noCounts}
        tagLabels={tagLabels}
        statusOf={statusOf}
        missing={missing}
        openId={openId}
        onOpen={onOpen}
        onHits={setHits}
      />
      {isMissing ? (
        <MissingDocument id={openId} onReattached={onOpen} />
      ) : document?.status === 'ready' && claims ? (
        <DocumentWorkspace
          key={document.value.id}
          document={document.value}
          claims={claims}
          initialClaim={focusClaim}
          initialRange={focusRange}
          status={effectiveStatus(states?.get(document.value.id)?.status, claims.length)}
          foundWords={foundWords}
        />
      ) : document?.status === 'error' ? (
        <p role="alert" className="placeholder error">
          {m.documentFailed(document.message)}
        </p>
      ) : (
        <p className="placeholder">{session.listing.documents.length === 0 ? m.noDocuments : m.loading}</p>
      )}
    </>
  );
}

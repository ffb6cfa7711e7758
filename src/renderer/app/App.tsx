import { useCallback, useEffect, useMemo, useState } from 'react';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import type { CorpusListing } from '../../shared/model/document';
import { useClaimsByDocument } from '../db/annotations';
import { enterCorpus } from '../db/corpus-scope';
import { db } from '../db/database';
import { effectiveStatus, setDocumentEncoding, useDocumentStates } from '../db/document-states';
import { setAnnotatorName, useAnnotatorName } from '../db/settings';
import { AnnotatorDialog } from '../features/annotator/AnnotatorDialog';
import { AutoBackup } from '../features/backups/AutoBackup';
import { BackupsButton } from '../features/backups/BackupsButton';
import { DocumentList } from '../features/corpus/DocumentList';
import { OpenCorpusButton } from '../features/corpus/OpenCorpusButton';
import { useCorpusDocument, useCorpusListing } from '../features/corpus/use-corpus';
import { ExportButton } from '../features/export/ExportButton';
import { ImportControls } from '../features/import/ImportControls';
import { ReviewView } from '../features/review/ReviewView';
import { useHost } from '../host/HostContext';
import { DocumentWorkspace } from './DocumentWorkspace';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StorageInfo } from './StorageInfo';

const codebook = narrativesCodebook;
const tagLabels = new Map(codebook.tags.map((t) => [t.id, t.label]));

export function App() {
  const host = useHost();
  const loadDocument = useCallback((id: string) => host.getDocument(id), [host]);
  const annotator = useAnnotatorName();
  const listing = useCorpusListing();
  const [entered, setEntered] = useState<CorpusListing>();
  const [failure, setFailure] = useState<string>();
  const [openId, setOpenId] = useState<string>();
  const [mode, setMode] = useState<'annotate' | 'review'>('annotate');

  useEffect(() => {
    db.open().catch((error: unknown) =>
      setFailure(
        `The local database cannot be opened (${(error as Error).message}). Claims cannot be saved in this browser profile; check that it is not in private mode and has disk space.`,
      ),
    );
  }, []);

  useEffect(() => {
    if (listing.status !== 'ready') return;
    enterCorpus(listing.value).then(
      () => {
        setEntered(listing.value);
        setOpenId(listing.value.documents[0]?.id);
      },
      (error: unknown) => setFailure(`Your saved work could not be opened: ${(error as Error).message}`),
    );
  }, [listing]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Framing Workbench</span>
        <SaveIndicator />
        <StorageInfo />
        <OpenCorpusButton />
        {entered && annotator && (
          <nav className="modes" aria-label="Mode">
            {(['annotate', 'review'] as const).map((m) => (
              <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {m === 'annotate' ? 'Annotate' : 'Review'}
              </button>
            ))}
          </nav>
        )}
        <span className="spacer" />
        {annotator && <span className="annotator">Annotator: {annotator}</span>}
        {entered && annotator && (
          <>
            <AutoBackup listing={entered} codebook={codebook} annotator={annotator} />
            <BackupsButton corpusName={entered.name} />
            <ImportControls listing={entered} codebook={codebook} />
            <ExportButton listing={entered} codebook={codebook} annotator={annotator} openDocumentId={openId} />
          </>
        )}
      </header>
      <main className="app-body">
        {listing.status === 'loading' && (
          <p className="placeholder" role="status">
            {listing.progress && listing.progress.total > 0
              ? `Reading ${listing.progress.name}: ${listing.progress.read.toLocaleString()} of ${listing.progress.total.toLocaleString()} files…`
              : 'Opening the corpus…'}
          </p>
        )}
        {(listing.status === 'error' || failure) && (
          <p role="alert" className="placeholder error">
            {failure ?? (listing.status === 'error' ? `The corpus could not be opened: ${listing.message}` : '')}
          </p>
        )}
        {entered && annotator && mode === 'annotate' && (
          <Corpus listing={entered} annotator={annotator} openId={openId} onOpen={setOpenId} />
        )}
        {entered && annotator && mode === 'review' && (
          <ReviewView
            listing={entered}
            codebook={codebook}
            me={annotator}
            documentId={openId}
            onDocument={setOpenId}
            loadDocument={loadDocument}
          />
        )}
      </main>
      {annotator === null && <AnnotatorDialog onSave={setAnnotatorName} />}
      <ShortcutsHelp codebook={codebook} />
    </div>
  );
}

/** The open corpus: its documents on the left, the open one in the workspace. */
interface CorpusProps {
  listing: CorpusListing;
  annotator: string;
  openId: string | undefined;
  onOpen(id: string): void;
}

function Corpus({ listing, annotator, openId, onOpen }: CorpusProps) {
  const claims = useClaimsByDocument();
  const states = useDocumentStates();
  const statusOf = useCallback(
    (id: string) => effectiveStatus(states?.get(id)?.status, claims?.get(id)?.count ?? 0),
    [states, claims],
  );
  const encoding = openId ? states?.get(openId)?.encoding : undefined;
  // Wait for the saved choices, so a document is never read once with the wrong encoding.
  const document = useCorpusDocument(states ? openId : undefined, encoding);
  const noClaims = useMemo(() => new Map(), []);

  return (
    <>
      <DocumentList
        listing={listing}
        claims={claims ?? noClaims}
        tagLabels={tagLabels}
        statusOf={statusOf}
        openId={openId}
        onOpen={onOpen}
      />
      {document?.status === 'ready' ? (
        <DocumentWorkspace
          key={document.value.id}
          document={document.value}
          codebook={codebook}
          annotator={annotator}
          onEncoding={(name) => setDocumentEncoding(document.value.id, name)}
          status={statusOf(document.value.id)}
        />
      ) : document?.status === 'error' ? (
        <p role="alert" className="placeholder error">
          This document could not be opened: {document.message}
        </p>
      ) : (
        <p className="placeholder">{listing.documents.length === 0 ? 'This corpus has no documents.' : 'Loading…'}</p>
      )}
    </>
  );
}

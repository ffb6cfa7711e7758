import { useEffect, useState } from 'react';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import { useClaimCounts } from '../db/annotations';
import { setAnnotatorName, useAnnotatorName } from '../db/settings';
import { AnnotatorDialog } from '../features/annotator/AnnotatorDialog';
import { DocumentList } from '../features/corpus/DocumentList';
import { useCorpusDocument, useCorpusListing } from '../features/corpus/use-corpus';
import { ExportButton } from '../features/export/ExportButton';
import { ImportControls } from '../features/import/ImportControls';
import { DocumentWorkspace } from './DocumentWorkspace';
import { SaveIndicator } from './SaveIndicator';

const codebook = narrativesCodebook;

export function App() {
  const annotator = useAnnotatorName();
  const listing = useCorpusListing();
  const claimCounts = useClaimCounts();
  const [openId, setOpenId] = useState<string>();
  const document = useCorpusDocument(openId);

  useEffect(() => {
    if (openId === undefined && listing.status === 'ready') setOpenId(listing.value.documents[0]?.id);
  }, [listing, openId]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Framing Workbench</span>
        <SaveIndicator />
        <span className="spacer" />
        {annotator && <span className="annotator">Annotator: {annotator}</span>}
        {listing.status === 'ready' && annotator && (
          <>
            <ImportControls listing={listing.value} codebook={codebook} />
            <ExportButton listing={listing.value} codebook={codebook} annotator={annotator} openDocumentId={openId} />
          </>
        )}
      </header>
      <main className="app-body">
        {listing.status === 'loading' && <p className="placeholder">Opening the corpus…</p>}
        {listing.status === 'error' && (
          <p role="alert" className="placeholder error">
            The corpus could not be opened: {listing.message}
          </p>
        )}
        {listing.status === 'ready' && (
          <>
            <DocumentList
              listing={listing.value}
              claimCounts={claimCounts ?? new Map()}
              openId={openId}
              onOpen={setOpenId}
            />
            {document?.status === 'ready' && annotator ? (
              <DocumentWorkspace
                key={document.value.id}
                document={document.value}
                codebook={codebook}
                annotator={annotator}
              />
            ) : document?.status === 'error' ? (
              <p role="alert" className="placeholder error">
                This document could not be opened: {document.message}
              </p>
            ) : (
              <p className="placeholder">
                {listing.value.documents.length === 0 ? 'This corpus has no documents.' : 'Loading…'}
              </p>
            )}
          </>
        )}
      </main>
      {annotator === null && <AnnotatorDialog onSave={setAnnotatorName} />}
    </div>
  );
}

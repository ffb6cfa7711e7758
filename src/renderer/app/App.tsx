import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { Codebook } from '../../shared/model/codebook';
import type { CorpusListing } from '../../shared/model/document';
import { useClaimsByDocument, useDocumentClaims } from '../db/annotations';
import { useActiveCodebook } from '../db/codebooks';
import { enterCorpus } from '../db/corpus-scope';
import { db } from '../db/database';
import { effectiveStatus, setDocumentEncoding, useDocumentStates } from '../db/document-states';
import { setAnnotatorName, useAnnotatorName } from '../db/settings';
import { AnnotatorDialog } from '../features/annotator/AnnotatorDialog';
import { AutoBackup } from '../features/backups/AutoBackup';
import { BackupsButton } from '../features/backups/BackupsButton';
import { CorpusClaims } from '../features/claims/CorpusClaims';
import { CodebookButton } from '../features/codebook/CodebookButton';
import { DocumentList } from '../features/corpus/DocumentList';
import { OpenCorpusButton } from '../features/corpus/OpenCorpusButton';
import { useCorpusDocument, useCorpusListing } from '../features/corpus/use-corpus';
import { ExportButton } from '../features/export/ExportButton';
import { ImportControls } from '../features/import/ImportControls';
import { ReviewView } from '../features/review/ReviewView';
import { useHost } from '../host/HostContext';
import { useLanguage } from '../i18n/language';
import { useAfterPaint } from '../lib/use-after-paint';
import { DocumentWorkspace } from './DocumentWorkspace';
import { InterfaceSettings } from './InterfaceSettings';
import { useAppMessages } from './messages';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StorageInfo } from './StorageInfo';

type Mode = 'annotate' | 'claims' | 'review';
const MODES: readonly Mode[] = ['annotate', 'claims', 'review'];

export function App() {
  const annotator = useAnnotatorName();
  const listing = useCorpusListing();
  const [entered, setEntered] = useState<CorpusListing>();
  const [failure, setFailure] = useState<string>();
  const m = useAppMessages();
  const language = useLanguage();

  useEffect(() => {
    db.open().catch((error: unknown) => setFailure(m.databaseFailed((error as Error).message)));
  }, [m]);

  useEffect(() => {
    if (listing.status !== 'ready') return;
    enterCorpus(listing.value).then(
      () => setEntered(listing.value),
      (error: unknown) => setFailure(m.workFailed((error as Error).message)),
    );
  }, [listing, m]);

  const problem = failure ?? (listing.status === 'error' ? m.corpusFailed(listing.message) : undefined);
  return (
    <div className="app">
      {entered && annotator && !problem ? (
        <Workbench listing={entered} annotator={annotator} />
      ) : (
        <>
          <AppHeader annotator={annotator} />
          <main className="app-body">
            {listing.status === 'loading' && (
              <p className="placeholder" role="status">
                {listing.progress && listing.progress.total > 0
                  ? m.reading(
                      listing.progress.name,
                      listing.progress.read.toLocaleString(language),
                      listing.progress.total.toLocaleString(language),
                    )
                  : m.opening}
              </p>
            )}
            {problem && (
              <p role="alert" className="placeholder error">
                {problem}
              </p>
            )}
          </main>
        </>
      )}
      {annotator === null && <AnnotatorDialog onSave={setAnnotatorName} />}
    </div>
  );
}

/** The header's fixed part, with the controls an open corpus adds. */
function AppHeader({ annotator, children }: { annotator: string | null | undefined; children?: ReactNode }) {
  const m = useAppMessages();
  return (
    <header className="app-header">
      <span className="brand">{m.brand}</span>
      <SaveIndicator />
      <StorageInfo />
      <OpenCorpusButton />
      {children}
      {annotator && (
        <span className="annotator" title={m.annotator(annotator)}>
          {m.annotator(annotator)}
        </span>
      )}
      <InterfaceSettings />
    </header>
  );
}

/** An open corpus with its codebook: the modes, and the work of the one chosen. */
function Workbench({ listing, annotator }: { listing: CorpusListing; annotator: string }) {
  const host = useHost();
  const loadDocument = useCallback((id: string) => host.getDocument(id), [host]);
  const codebook = useActiveCodebook();
  const [openId, setOpenId] = useState<string | undefined>(listing.documents[0]?.id);
  const [focusClaim, setFocusClaim] = useState<string>();
  const [mode, setMode] = useState<Mode>('annotate');
  const m = useAppMessages();
  const openClaim = useCallback((documentId: string, claimId: string) => {
    setOpenId(documentId);
    setFocusClaim(claimId);
    setMode('annotate');
  }, []);
  if (!codebook) return null;
  return (
    <>
      <AppHeader annotator={annotator}>
        <nav className="modes" aria-label={m.modes}>
          {MODES.map((each) => (
            <button key={each} type="button" aria-pressed={mode === each} onClick={() => setMode(each)}>
              {m[each]}
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <CodebookButton codebook={codebook} />
        <AutoBackup listing={listing} codebook={codebook} annotator={annotator} />
        <BackupsButton corpusName={listing.name} />
        <ImportControls listing={listing} codebook={codebook} />
        <ExportButton listing={listing} codebook={codebook} annotator={annotator} openDocumentId={openId} />
      </AppHeader>
      <main className="app-body">
        {mode === 'annotate' && (
          <Corpus
            listing={listing}
            codebook={codebook}
            annotator={annotator}
            openId={openId}
            onOpen={setOpenId}
            focusClaim={focusClaim}
          />
        )}
        {mode === 'claims' && <CorpusClaims listing={listing} codebook={codebook} onOpen={openClaim} />}
        {mode === 'review' && (
          <ReviewView
            listing={listing}
            codebook={codebook}
            me={annotator}
            documentId={openId}
            onDocument={setOpenId}
            loadDocument={loadDocument}
          />
        )}
      </main>
      <ShortcutsHelp codebook={codebook} />
    </>
  );
}

/** The open corpus: its documents on the left, the open one in the workspace. */
interface CorpusProps {
  listing: CorpusListing;
  codebook: Codebook;
  annotator: string;
  /** A claim to select once its document is open (from the corpus-wide claims view). */
  focusClaim?: string;
  openId: string | undefined;
  onOpen(id: string): void;
}

function Corpus({ listing, codebook, annotator, openId, onOpen, focusClaim }: CorpusProps) {
  const states = useDocumentStates();
  const encoding = openId ? states?.get(openId)?.encoding : undefined;
  // Wait for the saved choices, so a document is never read once with the wrong encoding.
  const document = useCorpusDocument(states ? openId : undefined, encoding);
  // Read beside the document, not after it, so the reader draws text and claims in one go.
  const documentClaims = useDocumentClaims(openId);
  const open = useMemo(
    () => (openId && documentClaims ? { documentId: openId, claims: documentClaims } : undefined),
    [openId, documentClaims],
  );
  // The document list and its counts follow the reader a frame later, as the claims list does.
  const listed = useClaimsByDocument(listing.id, useAfterPaint(open));
  const listedStatusOf = useCallback(
    (id: string) => effectiveStatus(states?.get(id)?.status, listed?.get(id)?.count ?? 0),
    [states, listed],
  );
  const noClaims = useMemo(() => new Map(), []);
  const tagLabels = useMemo(() => new Map(codebook.tags.map((t) => [t.id, t.label])), [codebook]);
  const m = useAppMessages();

  return (
    <>
      <DocumentList
        listing={listing}
        claims={listed ?? noClaims}
        tagLabels={tagLabels}
        statusOf={listedStatusOf}
        openId={openId}
        onOpen={onOpen}
      />
      {document?.status === 'ready' && documentClaims ? (
        <DocumentWorkspace
          key={document.value.id}
          document={document.value}
          claims={documentClaims}
          codebook={codebook}
          annotator={annotator}
          initialClaim={focusClaim}
          onEncoding={(name) => setDocumentEncoding(document.value.id, name)}
          status={effectiveStatus(states?.get(document.value.id)?.status, documentClaims.length)}
        />
      ) : document?.status === 'error' ? (
        <p role="alert" className="placeholder error">
          {m.documentFailed(document.message)}
        </p>
      ) : (
        <p className="placeholder">{listing.documents.length === 0 ? m.noDocuments : m.loading}</p>
      )}
    </>
  );
}

import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useAppData } from '../db/app-data';
import { setAnnotatorName, useAnnotatorName } from '../db/settings';
import type { TextRange } from '../editor/selection-offsets';
import { AnalyseView } from '../features/analyse';
import { AnnotateView } from '../features/annotate';
import { AutoBackup, BackupsButton, keepStorage } from '../features/backups';
import { CorpusClaims } from '../features/claims';
import { CodebookButton } from '../features/codebook';
import { OpenCorpusButton, useCorpusListing } from '../features/corpus';
import { ExportButton } from '../features/export';
import { AnnotatorButton, AnnotatorDialog } from '../features/identity';
import { ImportControls } from '../features/import';
import { ReviewView } from '../features/review';
import { NO_SEARCH, type SearchQuery, SearchView } from '../features/search';
import { useHost } from '../host/HostContext';
import { type CorpusSession, openCorpusSession } from '../session/corpus-session';
import { SessionProvider } from '../session/SessionContext';
import { InterfaceSettings } from './InterfaceSettings';
import { useAppMessages } from './messages';
import { SaveIndicator } from './SaveIndicator';
import { ShortcutsHelp } from './ShortcutsHelp';

type Mode = 'annotate' | 'claims' | 'search' | 'review' | 'analyse';
const MODES: readonly Mode[] = ['annotate', 'claims', 'search', 'review', 'analyse'];

export function App() {
  const data = useAppData();
  const host = useHost();
  const annotator = useAnnotatorName(data.db);
  const listing = useCorpusListing();
  const [session, setSession] = useState<CorpusSession>();
  const [failure, setFailure] = useState<{ of: 'database' | 'work'; reason: string }>();
  const m = useAppMessages();

  useEffect(() => {
    data.db.open().catch((error: unknown) => setFailure({ of: 'database', reason: (error as Error).message }));
    keepStorage();
  }, [data]);

  useEffect(() => {
    if (listing.status !== 'ready' || !annotator) return;
    let current = true;
    openCorpusSession({ ...data, host, listing: listing.value, annotator }).then(
      (opened) => current && setSession(opened),
      (error: unknown) => current && setFailure({ of: 'work', reason: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [data, host, listing, annotator]);

  // Worded at render, so that a change of language rewords it without opening the corpus again.
  const problem = failure
    ? failure.of === 'database'
      ? m.databaseFailed(failure.reason)
      : m.workFailed(failure.reason)
    : listing.status === 'error'
      ? m.corpusFailed(listing.message)
      : undefined;
  return (
    <div className="app">
      {session && !problem ? (
        <SessionProvider session={session}>
          <Workbench session={session} />
        </SessionProvider>
      ) : (
        <>
          <AppHeader annotator={annotator} />
          <main className="app-body">
            {listing.status === 'loading' && (
              <p className="placeholder" role="status">
                {listing.progress && listing.progress.total > 0
                  ? m.reading(
                      listing.progress.name,
                      listing.progress.read,
                      listing.progress.total,
                      listing.progress.documents,
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
      {annotator === null && <AnnotatorDialog onSave={(name) => setAnnotatorName(data, name)} />}
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
      <OpenCorpusButton />
      {children}
      {annotator && <AnnotatorButton name={annotator} />}
      <InterfaceSettings />
    </header>
  );
}

/** An open corpus: the modes, and the work of the one chosen. */
function Workbench({ session }: { session: CorpusSession }) {
  const { listing, annotator } = session;
  const [openId, setOpenId] = useState<string | undefined>(listing.documents[0]?.id);
  const [focusClaim, setFocusClaim] = useState<string>();
  const [focusRange, setFocusRange] = useState<TextRange>();
  const [search, setSearch] = useState<SearchQuery>(NO_SEARCH);
  const [mode, setMode] = useState<Mode>('annotate');
  const m = useAppMessages();
  const openClaim = useCallback((documentId: string, claimId: string) => {
    setOpenId(documentId);
    setFocusClaim(claimId);
    setFocusRange(undefined);
    setMode('annotate');
  }, []);
  const openRange = useCallback((documentId: string, range: TextRange) => {
    setOpenId(documentId);
    setFocusClaim(undefined);
    setFocusRange(range);
    setMode('annotate');
  }, []);
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
        <CodebookButton />
        <AutoBackup />
        <BackupsButton />
        <ImportControls />
        <ExportButton openDocumentId={openId} />
      </AppHeader>
      <main className="app-body">
        {mode === 'annotate' && (
          <AnnotateView openId={openId} onOpen={setOpenId} focusClaim={focusClaim} focusRange={focusRange} />
        )}
        {mode === 'claims' && <CorpusClaims onOpen={openClaim} />}
        {mode === 'search' && <SearchView search={search} onSearch={setSearch} onOpen={openRange} />}
        {mode === 'review' && <ReviewView documentId={openId} onDocument={setOpenId} />}
        {mode === 'analyse' && <AnalyseView onOpen={openClaim} />}
      </main>
      <ShortcutsHelp />
    </>
  );
}

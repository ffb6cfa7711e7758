import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Annotation } from '../../shared/model/annotation';
import type { Codebook } from '../../shared/model/codebook';
import type { CorpusDocument } from '../../shared/model/document';
import { TagBook } from '../../shared/model/tag-book';
import type { Counts } from '../db/claim-counts';
import { useActiveCodebook, useCodebookVersions, useLayers } from '../db/codebooks';
import type { DocumentClaims } from '../db/document-claims';
import { useAfterPaint } from '../lib/after-paint';
import type { CorpusSession } from './corpus-session';

interface SessionValue {
  session: CorpusSession;
  /** The codebook the corpus is annotated with, in its latest version. */
  codebook: Codebook;
  /** Every codebook version here, to show each claim's tags as its own codebook has them. */
  tagBook: TagBook;
  /** The codebooks the corpus is coded with at once, `codebook` among them, each shown or hidden. */
  layers: readonly CodingLayer[];
}

export interface CodingLayer {
  codebook: Codebook;
  shown: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Hands the session down, once the corpus's codebook has been read. */
export function SessionProvider({ session, children }: { session: CorpusSession; children: ReactNode }) {
  const codebook = useActiveCodebook(session);
  const versions = useCodebookVersions(session.db);
  const stored = useLayers(session, codebook);
  const value = useMemo(() => {
    if (!codebook || !versions || !stored) return undefined;
    const tagBook = new TagBook(versions);
    const layers = stored.flatMap(({ id, shown }) => {
      const latest = id === codebook.id ? codebook : tagBook.latest(id);
      return latest ? [{ codebook: latest, shown }] : [];
    });
    return { session, codebook, tagBook, layers };
  }, [session, codebook, versions, stored]);
  if (!value) return null;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionValue(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('This part of the window needs an open corpus (a SessionProvider).');
  return value;
}

export const useSession = (): CorpusSession => useSessionValue().session;
export const useCodebook = (): Codebook => useSessionValue().codebook;
export const useTagBook = (): TagBook => useSessionValue().tagBook;
export const useCodingLayers = (): readonly CodingLayer[] => useSessionValue().layers;

const NO_CLAIMS: readonly Annotation[] = [];
const nothing = () => () => {};

function useStoreSnapshot(
  documentId: string | undefined,
  pick: (
    store: DocumentClaims,
  ) => [subscribe: (listener: () => void) => () => void, snapshot: () => readonly Annotation[] | undefined],
): readonly Annotation[] | undefined {
  const { claims } = useSession();
  const [subscribe, snapshot] = useMemo(
    () => (documentId === undefined ? [nothing, () => NO_CLAIMS] : pick(claims.of(documentId))),
    [claims, documentId, pick],
  );
  return useSyncExternalStore(subscribe, snapshot);
}

const drawnOf = (store: DocumentClaims) =>
  [store.subscribeDrawn, store.drawn] as [typeof store.subscribeDrawn, typeof store.drawn];
const listedOf = (store: DocumentClaims) =>
  [store.subscribeListed, store.listed] as [typeof store.subscribeListed, typeof store.listed];

/**
 * Every annotator's live claims on a document in text order, as the reader draws them: a claim
 * just written is in them in the task that wrote it. Undefined until the document's claims are read.
 */
export const useDrawnClaims = (documentId: string | undefined) => useStoreSnapshot(documentId, drawnOf);

/** The same claims as of the last painted frame: for lists, panels and counts beside the reader. */
export const useListedClaims = (documentId: string | undefined) => useStoreSnapshot(documentId, listedOf);

/** Whether the document has a step to undo and to redo, updated as steps are recorded. */
export function useHistoryState(documentId: string): { canUndo: boolean; canRedo: boolean } {
  const { history } = useSession();
  const snapshot = useSyncExternalStore(
    history.subscribe,
    () => `${Number(Boolean(history.nextUndo(documentId)))}${Number(Boolean(history.nextRedo(documentId)))}`,
  );
  return { canUndo: snapshot[0] === '1', canRedo: snapshot[1] === '1' };
}

/** Per document of the corpus, its live claims and their tags; undefined until counted. */
export function useClaimCounts(): Counts | undefined {
  const { counts } = useSession();
  return useSyncExternalStore(counts.subscribe, counts.current);
}

/** `value` as of the last painted frame, for parts of the window that follow the reader. */
export function useFollowing<T>(value: T): T {
  return useAfterPaint(value, useSession().frames);
}

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A document as the host serves it, read with `encoding` (the analyst's choice, or undefined for
 * the detected one). A document shown before in this session is shown again at once, as it was,
 * while the host is asked again: the same text changes nothing, a changed file replaces it, and a
 * file that can no longer be read shows its error.
 */
export function useDocument(id: string | undefined, encoding: string | undefined): Loaded<CorpusDocument> | undefined {
  const session = useSession();
  const { shownDocuments } = session;
  const [state, setState] = useState<{ key: string; loaded: Loaded<CorpusDocument> }>();
  const key = `${id}\u0000${encoding ?? ''}`;
  const read = useCallback((documentId: string) => session.readDocumentAs(documentId, encoding), [session, encoding]);
  useEffect(() => {
    if (id === undefined) return;
    let current = true;
    if (!shownDocuments.get(id, encoding)) setState({ key, loaded: { status: 'loading' } });
    read(id).then(
      (value) => {
        if (current)
          setState((shown) =>
            shown?.key === key && shown.loaded.status === 'ready' && shown.loaded.value === value
              ? shown
              : { key, loaded: { status: 'ready', value } },
          );
      },
      (error: unknown) => {
        shownDocuments.forget(id, encoding);
        if (current) setState({ key, loaded: { status: 'error', message: message(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [id, encoding, key, read, shownDocuments]);
  if (id === undefined) return undefined;
  if (state?.key === key) return state.loaded;
  const kept = shownDocuments.get(id, encoding);
  return kept ? { status: 'ready', value: kept } : { status: 'loading' };
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import { tagByHotkey } from '../../../shared/model/codebook';
import type { CorpusDocument } from '../../../shared/model/document';
import { type Suggestion, suggestionKey } from '../../../shared/suggestions';
import { findWords, moveEdgeByWord, stepWord } from '../../../shared/text/words';
import { useSpeakers } from '../../db/claim-queries';
import { chooseCodebook } from '../../db/codebooks';
import { setDocumentLabel, useDocumentLabels } from '../../db/document-labels';
import { type DocumentStatus, setDocumentEncoding, setDocumentStatus } from '../../db/document-states';
import { useDocumentOrphans } from '../../db/orphans';
import { useEarlierNames, useWhoseClaims } from '../../db/settings';
import { rejectSuggestion, setSuggestionsOn } from '../../db/suggestions';
import type { TextRange } from '../../editor/selection-offsets';
import { useShortcuts } from '../../keyboard/KeyboardProvider';
import { lazily } from '../../lib/lazily';
import {
  useCodebook,
  useCodingLayers,
  useFollowing,
  useHistoryState,
  useSession,
  useTagBook,
} from '../../session/SessionContext';
import { useReanchorChangedDocument } from '../../session/use-reanchor';
import { LayerList, TagList } from '../codebook';
import { type ContentPoint, Reader } from '../reader';
import { SuggestionsPanel, useSuggestions } from '../suggestions';
import { ClaimChooser } from './ClaimChooser';
import { ClaimList } from './ClaimList';
import { ClaimPanel } from './ClaimPanel';
import { DocumentLabelsPanel } from './DocumentLabelsPanel';
import { useAnnotateMessages } from './messages';
import { OrphanList } from './OrphanList';
import { TagPopover } from './TagPopover';
import { useClaimActions } from './use-claim-actions';
import { showsClaim, WhoseClaimsChoice } from './WhoseClaimsChoice';

interface Props {
  document: CorpusDocument;
  /** The document's claims in text order, as of the last painted frame (the reader draws its own). */
  claims: readonly Annotation[];
  /** The claim to select when the document opens. */
  initialClaim?: string;
  /** Text to select when the document opens, for a tag's key to make it a claim. */
  initialRange?: TextRange;
  status: DocumentStatus;
  /** The words the corpus search found in this document, marked in the reader. */
  foundWords?: readonly string[];
}

const clearTextSelection = () => window.getSelection()?.removeAllRanges();

/** One open document: the reader in the middle, the codebook and the claims beside it. */
export function DocumentWorkspace({ document: doc, claims, initialClaim, initialRange, status, foundWords }: Props) {
  const session = useSession();
  const codebook = useCodebook();
  const { annotator } = session;
  const store = useMemo(() => session.claims.of(doc.id), [session, doc.id]);
  const orphans = useDocumentOrphans(session, doc.id);
  const documentLabels = useDocumentLabels(session, doc.id);
  useReanchorChangedDocument(doc, store, claims);
  const actions = useClaimActions(doc, session.claims, store, annotator, codebook);
  const [pending, setPending] = useState<{ range: TextRange; at: ContentPoint } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(initialClaim ?? null);
  // The list of claims follows the reader a frame later: a new claim is painted in the text first.
  const listedSelection = useFollowing(selectedId);
  const [chooser, setChooser] = useState<{ ids: string[]; at: ContentPoint } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A document opened from the list is read next: the keys go to the reader, not to the list.
  useEffect(() => {
    if (doc.id && document.activeElement?.closest('nav'))
      document.querySelector<HTMLElement>('.reader-scroll')?.focus({ preventScroll: true });
  }, [doc.id]);
  // A new object each time the keyboard cursor asks the reader to select text.
  const [selectRange, setSelectRange] = useState<TextRange | null>(initialRange ?? null);
  // What the keyboard last made of the selection or of a claim's edges, ahead of the renders and
  // writes that follow, so that keys pressed in quick succession each build on the one before.
  const typed = useRef<{ claimId: string | null; range: TextRange } | null>(
    initialRange ? { claimId: null, range: initialRange } : null,
  );
  // The selection last turned into a claim.
  const tagged = useRef<typeof pending>(null);
  // Segmenting a long text into words takes a while; only selecting by word needs it.
  const words = useMemo(() => lazily(() => findWords(doc.text, doc.language)), [doc.text, doc.language]);
  const speakers = useSpeakers(session.db);
  const history = useHistoryState(doc.id);
  const m = useAnnotateMessages();

  const selectClaim = useCallback((id: string | null) => {
    typed.current = null;
    setSelectedId(id);
  }, []);

  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const whose = useWhoseClaims(session);
  const layers = useCodingLayers();
  const earlierNames = useEarlierNames(session.db);
  const myNames = useMemo(() => new Set([annotator, ...earlierNames]), [annotator, earlierNames]);
  const hiddenLayers = useMemo(() => new Set(layers.filter((l) => !l.shown).map((l) => l.codebook.id)), [layers]);
  const layerOf = useCallback(
    (claim: Annotation) =>
      Math.max(
        0,
        layers.findIndex((l) => l.codebook.id === claim.codebookId),
      ),
    [layers],
  );
  const shows = useMemo(() => {
    const whoseShows = showsClaim(whose, myNames);
    return (claim: Annotation) => whoseShows(claim) && !hiddenLayers.has(claim.codebookId);
  }, [whose, myNames, hiddenLayers]);
  // The claims Annotate shows: the analyst's own unless they chose everyone's or a colleague's.
  const shown = useMemo(() => claims.filter(shows), [claims, shows]);
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const { on: suggesting, suggestions, book } = useSuggestions(session, doc, words, claims, codebook.id, myNames);
  // The suggestion under the cursor: the one the selected text starts in.
  const currentSuggestion = useMemo(() => {
    const at = pending?.range.start;
    return at === undefined ? undefined : suggestions.find((s) => s.start <= at && at < s.end);
  }, [pending, suggestions]);

  const report = useCallback((error: unknown) => {
    setFailure(error instanceof Error ? error.message : String(error));
  }, []);

  const applyTag = useCallback(
    (tagId: string) => {
      // Keys typed faster than the selection is reported act on what the keyboard last selected.
      // Until the window follows (a frame later), the selection just tagged must not make a second claim.
      const untagged = pending === tagged.current ? undefined : pending?.range;
      const range = typed.current?.claimId === null ? typed.current.range : untagged;
      if (range) {
        tagged.current = pending;
        typed.current = null;
        clearTextSelection();
        actions.create(range, tagId).then(selectClaim, report);
        // The reader draws the claim in this frame; the toolbar and the panels follow in the next.
        session.frames.afterPaint(() => setPending(null));
      } else if (selected && selected.codebookId !== codebook.id) {
        // Another layer's claim is selected: the same words get a claim of their own in this layer.
        actions.create(selected.target, tagId).then(selectClaim, report);
      } else if (selected) {
        actions.retag(selected, tagId).catch(report);
      }
    },
    [pending, selected, actions, report, selectClaim, session, codebook],
  );

  const clearAll = useCallback(() => {
    clearTextSelection();
    setPending(null);
    setChooser(null);
    setSelectedId(null);
  }, []);

  const removeSelected = useCallback(() => {
    if (!selected) return;
    setSelectedId(null);
    actions.remove(selected).catch(report);
  }, [selected, actions, report]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const list = shown;
      if (list.length === 0) return;
      const at = list.findIndex((c) => c.id === selectedId);
      const next = at < 0 ? (direction === 1 ? 0 : list.length - 1) : (at + direction + list.length) % list.length;
      selectClaim(list[next]?.id ?? null);
    },
    [shown, selectedId, selectClaim],
  );

  const undo = useCallback(
    (redo: boolean) =>
      store.undo(redo).then((id) => {
        if (id) selectClaim(id);
      }, report),
    [store, report, selectClaim],
  );

  /** The range keys act on: the text selection, else the selected claim, as the keyboard last left them. */
  const latestRange = useCallback((): TextRange | null => {
    const last = typed.current;
    if (last && (last.claimId === null || last.claimId === selected?.id)) return last.range;
    return pending?.range ?? selected?.target ?? null;
  }, [pending, selected]);

  const stepWordTo = useCallback(
    (direction: 1 | -1) => {
      const word = stepWord(words(), latestRange(), direction);
      if (!word) return;
      const range = { start: word.start, end: word.end };
      typed.current = { claimId: null, range };
      setSelectedId(null);
      setSelectRange(range);
    },
    [words, latestRange],
  );

  const moveEdge = useCallback(
    (edge: 'start' | 'end', grow: boolean) => {
      const range = latestRange();
      if (!range) return;
      const next = moveEdgeByWord(words(), range, edge, grow);
      if (next.start === range.start && next.end === range.end) return;
      const claim = typed.current?.claimId === null ? undefined : selected;
      typed.current = { claimId: claim?.id ?? null, range: next };
      if (claim) actions.moveTo(claim, next).catch(report);
      else setSelectRange(next);
    },
    [words, latestRange, selected, actions, report],
  );

  /** Selects a suggestion's words, as the keyboard cursor selects a word: a tag key tags them too. */
  const goTo = useCallback((suggestion: Suggestion | undefined) => {
    if (!suggestion) return;
    const range = { start: suggestion.start, end: suggestion.end };
    typed.current = { claimId: null, range };
    setSelectedId(null);
    setSelectRange(range);
  }, []);

  /** The next suggestion after the cursor (or before it), round the document; never `skip`'s words. */
  const nextSuggestion = useCallback(
    (direction: 1 | -1, skip?: Suggestion) => {
      const at = latestRange()?.start ?? (direction === 1 ? -1 : Number.POSITIVE_INFINITY);
      const others = skip ? suggestions.filter((s) => s.start !== skip.start || s.end !== skip.end) : suggestions;
      const ahead = direction === 1 ? others.find((s) => s.start > at) : others.findLast((s) => s.start < at);
      return ahead ?? (direction === 1 ? others[0] : others[others.length - 1]);
    },
    [suggestions, latestRange],
  );

  const acceptSuggestion = useCallback(
    (suggestion: Suggestion) => {
      const next = nextSuggestion(1, suggestion);
      clearTextSelection();
      typed.current = null;
      actions
        .create({ start: suggestion.start, end: suggestion.end }, suggestion.tagId, {
          kind: 'suggestion',
          source: suggestion.source,
          score: suggestion.score,
        })
        .catch(report);
      goTo(next);
    },
    [actions, nextSuggestion, goTo, report],
  );

  const rejectSuggestionAt = useCallback(
    (suggestion: Suggestion) => {
      const next = nextSuggestion(1, suggestion);
      rejectSuggestion(session, {
        documentId: doc.id,
        key: suggestionKey(suggestion),
        quote: doc.text.slice(suggestion.start, suggestion.end),
        rejectedBy: annotator,
      }).catch(report);
      goTo(next);
    },
    [session, doc, annotator, nextSuggestion, goTo, report],
  );

  /** Every place suggested, each with its surest tag, in one write and one step of the history. */
  const acceptAllSuggestions = useCallback(() => {
    const best = new Map<string, Suggestion>();
    for (const s of suggestions) if (!best.has(`${s.start}:${s.end}`)) best.set(`${s.start}:${s.end}`, s);
    actions
      .createAll(
        [...best.values()].map((s) => ({
          range: { start: s.start, end: s.end },
          tagId: s.tagId,
          origin: { kind: 'suggestion' as const, source: s.source, score: s.score },
        })),
      )
      .catch(report);
  }, [suggestions, actions, report]);

  useShortcuts(
    'annotate',
    {
      tag: ({ key }) => {
        const tag = key === undefined ? undefined : tagByHotkey(codebook, key);
        if (tag) applyTag(tag.id);
      },
      'next-layer': () => {
        const at = layers.findIndex((l) => l.codebook.id === codebook.id);
        const next = layers[(at + 1) % layers.length];
        if (next && next.codebook.id !== codebook.id) chooseCodebook(session, next.codebook.id).catch(report);
      },
      'delete-claim': removeSelected,
      clear: clearAll,
      'step-claim': ({ arg }) => step(arg === -1 ? -1 : 1),
      undo: () => void undo(false),
      redo: () => void undo(true),
      'step-word': ({ arg }) => stepWordTo(arg === -1 ? -1 : 1),
      'move-end': ({ arg }) => moveEdge('end', arg === 1),
      'move-start': ({ arg }) => moveEdge('start', arg === 1),
      'step-suggestion': ({ arg }) => goTo(nextSuggestion(arg === -1 ? -1 : 1)),
      'accept-suggestion': () => (currentSuggestion ? acceptSuggestion(currentSuggestion) : goTo(nextSuggestion(1))),
      'reject-suggestion': () => currentSuggestion && rejectSuggestionAt(currentSuggestion),
    },
    (key) => tagByHotkey(codebook, key) !== undefined,
  );

  const onTextSelection = useCallback((range: TextRange | null, at: ContentPoint | null) => {
    // Typing in the tag filter moves the browser's selection into it: the text chosen stays chosen.
    if (!range && document.activeElement?.closest('.tag-popover')) return;
    typed.current = range ? { claimId: null, range } : null;
    setPending(range && at ? { range, at } : null);
    if (range) setChooser(null);
  }, []);

  const onClaimsClick = useCallback(
    (ids: string[], at: ContentPoint) => {
      if (ids.length === 1) {
        selectClaim(ids[0] ?? null);
        setChooser(null);
      } else setChooser({ ids, at });
    },
    [selectClaim],
  );

  const onBackgroundClick = useCallback(() => {
    setChooser(null);
    setSelectedId(null);
  }, []);

  const tagBook = useTagBook();
  const coloursOf = useCallback(
    (claim: Annotation) => claim.tags.map((id) => tagBook.tag(claim, id).colour),
    [tagBook],
  );

  return (
    <div className="workspace">
      <Reader
        document={doc}
        foundWords={foundWords}
        suggestions={suggestions}
        currentSuggestion={currentSuggestion}
        showsClaim={shows}
        layerOf={layerOf}
        coloursOf={coloursOf}
        words={words}
        selectRange={selectRange}
        selectedId={selectedId}
        onTextSelection={onTextSelection}
        onClaimsClick={onClaimsClick}
        onBackgroundClick={onBackgroundClick}
        onEncoding={(name) => {
          const count = claims.length;
          // Another encoding is another text: say what happens to the claims before it does.
          const confirmed = count === 0 || window.confirm(m.encodingConfirm(count, name));
          if (confirmed) setDocumentEncoding(session, doc.id, name).catch(report);
        }}
        status={status}
        onStatus={(next) => setDocumentStatus(session, doc.id, next).catch(report)}
      >
        {pending && <TagPopover codebook={codebook} at={pending.at} onChoose={applyTag} />}
        {chooser && (
          <ClaimChooser
            claims={chooser.ids.flatMap((id) => byId.get(id) ?? [])}
            at={chooser.at}
            onChoose={(id) => {
              selectClaim(id);
              setChooser(null);
            }}
          />
        )}
      </Reader>
      <aside className="side-panel">
        {failure && (
          <p role="alert" className="error">
            {m.saveFailed(failure)}{' '}
            <button type="button" className="link" onClick={() => setFailure(null)}>
              {m.dismiss}
            </button>
          </p>
        )}
        <div className="history-actions" role="toolbar" aria-label={m.history}>
          <button type="button" disabled={!history.canUndo} onClick={() => undo(false)} title="Ctrl+Z">
            {m.undo}
          </button>
          <button type="button" disabled={!history.canRedo} onClick={() => undo(true)} title="Ctrl+Shift+Z">
            {m.redo}
          </button>
        </div>
        {selected && (
          <ClaimPanel
            // One panel per claim: typing not yet saved is saved to the claim it was typed for.
            key={selected.id}
            claim={selected}
            // Ticked among its own codebook's tags, whichever codebook is coded with now.
            codebook={tagBook.latest(selected.codebookId) ?? codebook}
            speakers={speakers ?? []}
            onToggleTag={(tagId) => actions.toggleTag(selected, tagId).catch(report)}
            onAttributes={(attributes, typed) => {
              const saving = actions.setAttributes(selected, attributes, typed);
              saving.catch(report);
              return saving;
            }}
            onDelete={removeSelected}
            onClose={clearAll}
            onAcceptPlacement={() => actions.acceptPlacement(selected).catch(report)}
            onMoveToSelection={
              pending
                ? () => {
                    actions.moveTo(selected, pending.range).catch(report);
                    clearTextSelection();
                  }
                : undefined
            }
          />
        )}
        {/* Claims waiting to be placed come first: they are work to do, and easy to miss below. */}
        <OrphanList
          orphans={orphans ?? []}
          codebook={codebook}
          onPlace={
            pending
              ? (orphan) => {
                  actions.placeOrphan(orphan, pending.range).catch(report);
                  clearTextSelection();
                }
              : undefined
          }
          onDiscard={(orphan) => actions.discardOrphan(orphan).catch(report)}
        />
        <LayerList />
        <WhoseClaimsChoice whose={whose} claims={claims} myNames={myNames} />
        <ClaimList
          claims={shown}
          codebook={codebook}
          selectedId={listedSelection}
          onSelect={selectClaim}
          withAnnotators={whose.kind !== 'mine'}
        />
        <SuggestionsPanel
          text={doc.text}
          codebook={codebook}
          on={suggesting}
          onTurn={(on) => setSuggestionsOn(session, on).catch(report)}
          suggestions={suggestions}
          current={currentSuggestion}
          onGo={goTo}
          onAccept={acceptSuggestion}
          onReject={rejectSuggestionAt}
          onAcceptAll={acceptAllSuggestions}
          learned={() => book.entries()}
        />
        <DocumentLabelsPanel
          codebook={codebook}
          me={annotator}
          labels={documentLabels ?? []}
          onChange={(tags) => setDocumentLabel(session, doc.id, annotator, tags).catch(report)}
        />
        <TagList codebook={codebook} onApply={pending || selected ? applyTag : undefined} />
      </aside>
    </div>
  );
}

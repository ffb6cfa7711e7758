import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import { isLive } from '../../../shared/model/annotation';
import type { CorpusDocument } from '../../../shared/model/document';
import { findSuggestions, PhraseBook, PhraseForms, type Suggestion } from '../../../shared/suggestions';
import type { Word } from '../../../shared/text/words';
import type { CorpusScope } from '../../db/corpus-scope';
import { useGazetteer, useRejectedSuggestions, useSuggestionsOn, useTaggedTexts } from '../../db/suggestions';

const NONE: readonly Suggestion[] = [];

export interface DocumentSuggestions {
  /** Whether the analyst has suggestions on in this corpus. */
  on: boolean;
  /** In text order. */
  suggestions: readonly Suggestion[];
  /** What the suggestions are learned from: the analyst's claims in the corpus and the gazetteer. */
  book: PhraseBook;
}

/**
 * The suggestions for the open document: the analyst's own claims of the corpus in the codebook
 * coded with, and its gazetteer, found again wherever their words recur here. Worked out when the
 * claims have been written and read back, never in the key press that makes a claim.
 */
export function useSuggestions(
  scope: CorpusScope,
  doc: CorpusDocument,
  words: () => readonly Word[],
  claims: readonly Annotation[],
  codebookId: string,
  myNames: ReadonlySet<string>,
): DocumentSuggestions {
  const on = useSuggestionsOn(scope);
  const tagged = useTaggedTexts(scope, codebookId, myNames, on);
  const gazetteer = useGazetteer(scope, codebookId);
  const rejected = useRejectedSuggestions(scope, doc.id);
  const forms = useMemo(() => new PhraseForms(), []);
  const placed = useMemo(
    () =>
      claims
        .filter((c) => isLive(c) && c.codebookId === codebookId && myNames.has(c.annotator))
        .map((c) => ({ start: c.target.start, end: c.target.end, tags: c.tags })),
    [claims, codebookId, myNames],
  );
  const work = useCallback(() => {
    const book = PhraseBook.from(tagged ?? [], on ? (gazetteer ?? []) : [], forms);
    const suggestions =
      !on || book.size === 0 || !rejected ? NONE : findSuggestions(doc.text, words(), book, placed, rejected);
    return { text: doc.text, book, suggestions };
  }, [tagged, gazetteer, on, forms, doc.text, words, placed, rejected]);
  const done = useWhenIdle(work, EMPTY);
  // Another document's suggestions are never shown in this one, nor any once they are turned off.
  return { on, book: done.book, suggestions: on && done.text === doc.text ? done.suggestions : NONE };
}

const EMPTY = { text: '', book: PhraseBook.from([]), suggestions: NONE };

/**
 * What `work` gives, worked out when the window is idle rather than in the render: after a key
 * press that makes a claim, the next frames are the reader's. Until then, what it last gave.
 */
function useWhenIdle<T>(work: () => T, initial: T): T {
  const [done, setDone] = useState(initial);
  useEffect(() => {
    const handle = requestIdleCallback(() => setDone(work()), { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }, [work]);
  return done;
}

/** The longest suggestions wait for an idle moment before they are worked out anyway. */
const IDLE_WAIT_MS = 500;

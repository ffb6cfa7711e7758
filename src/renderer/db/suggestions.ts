import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { isLive } from '../../shared/model/annotation';
import type { TaggedText } from '../../shared/suggestions';
import type { CorpusScope } from './corpus-scope';

const NONE: readonly TaggedText[] = [];

/**
 * What the analyst tagged in the corpus with one codebook: the text and tag of each of their live
 * claims, read again after every write. Undefined while it is first read.
 */
export function useTaggedTexts(
  { db, corpusId }: CorpusScope,
  codebookId: string,
  myNames: ReadonlySet<string>,
  enabled: boolean,
): readonly TaggedText[] | undefined {
  return useLiveQuery(async () => {
    if (!enabled) return NONE;
    const texts: TaggedText[] = [];
    await db.annotations
      .where('corpusId')
      .equals(corpusId)
      .each((claim) => {
        if (claim.codebookId !== codebookId || !myNames.has(claim.annotator) || !isLive(claim)) return;
        for (const tagId of claim.tags) texts.push({ text: claim.target.exact, tagId });
      });
    return texts;
  }, [db, corpusId, codebookId, myNames, enabled]);
}

/** The keys (`suggestionKey`) of the suggestions rejected in one document. */
export function useRejectedSuggestions(
  { db, corpusId }: CorpusScope,
  documentId: string,
): ReadonlySet<string> | undefined {
  const keys = useLiveQuery(
    () => db.suggestionRejections.where('[corpusId+documentId]').equals([corpusId, documentId]).primaryKeys(),
    [db, corpusId, documentId],
  );
  return useMemo(() => (keys ? new Set(keys.map(([, , key]) => key)) : undefined), [keys]);
}

export const rejectSuggestion = (
  { db, corpusId, saves }: CorpusScope,
  rejection: { documentId: string; key: string; quote: string; rejectedBy: string },
) => saves.track(() => db.suggestionRejections.put({ ...rejection, corpusId, rejectedAt: new Date().toISOString() }));

/** The gazetteer imported for a codebook of the corpus; empty when there is none. */
export function useGazetteer({ db, corpusId }: CorpusScope, codebookId: string): readonly TaggedText[] | undefined {
  return useLiveQuery(
    async () => (await db.gazetteers.get([corpusId, codebookId]))?.entries ?? NONE,
    [db, corpusId, codebookId],
  );
}

/** Replaces the codebook's gazetteer (an empty list removes it). */
export const setGazetteer = (
  { db, corpusId, saves }: CorpusScope,
  codebookId: string,
  entries: readonly TaggedText[],
) =>
  saves.track(async () => {
    if (entries.length === 0) await db.gazetteers.delete([corpusId, codebookId]);
    else await db.gazetteers.put({ corpusId, codebookId, entries: [...entries], importedAt: new Date().toISOString() });
  });

const suggestionsKey = (corpusId: string) => `suggest-repeats:${corpusId}`;

/** Whether the reader suggests repeats in this corpus: yes until the analyst turns it off. */
export function useSuggestionsOn({ db, corpusId }: CorpusScope): boolean {
  return (
    useLiveQuery(async () => (await db.settings.get(suggestionsKey(corpusId)))?.value !== 'off', [db, corpusId]) ??
    false
  );
}

export const setSuggestionsOn = ({ db, corpusId, saves }: CorpusScope, on: boolean) =>
  saves.track(() => db.settings.put({ key: suggestionsKey(corpusId), value: on ? 'on' : 'off' }));

import { useLiveQuery } from 'dexie-react-hooks';
import { isLive } from '../../shared/model/annotation';
import { compareForDisplay } from '../../shared/text/compare';
import type { CorpusScope } from './corpus-scope';
import type { WorkbenchDatabase } from './database';

/** Every claim of the corpus, tombstones included (reads only: writes go through a claims store). */
export const allClaims = ({ db, corpusId }: CorpusScope) => db.annotations.where('corpusId').equals(corpusId).toArray();

/** Everyone with a live claim in the corpus, by name. */
export function useAnnotators({ db, corpusId }: CorpusScope): string[] | undefined {
  return useLiveQuery(async () => {
    const names = new Set<string>();
    await db.annotations
      .where('corpusId')
      .equals(corpusId)
      .each((a) => {
        if (isLive(a)) names.add(a.annotator);
      });
    return [...names].sort(compareForDisplay);
  }, [db, corpusId]);
}

/** Speakers named on claims in any corpus, for autocompletion: the same people speak across corpora. */
export function useSpeakers(db: WorkbenchDatabase): string[] | undefined {
  return useLiveQuery(
    async () =>
      ((await db.annotations.orderBy('attributes.speaker').uniqueKeys()) as string[]).filter((s) => s.trim() !== ''),
    [db],
  );
}

/** Every claim in the database by id, in any corpus: ids are unique across corpora, so an import checks them all. */
export const claimsById = async (db: WorkbenchDatabase) =>
  new Map((await db.annotations.toArray()).map(({ corpusId: _, ...claim }) => [claim.id, claim]));

import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './database';
import { trackWrite } from './save-status';

const ANNOTATOR = 'annotator';

/** The analyst's name: undefined while loading, null until they have given it. */
export function useAnnotatorName(): string | null | undefined {
  return useLiveQuery(async () => (await db.settings.get(ANNOTATOR))?.value ?? null, []);
}

export const setAnnotatorName = (name: string) => trackWrite(() => db.settings.put({ key: ANNOTATOR, value: name }));

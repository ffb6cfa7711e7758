import { useLiveQuery } from 'dexie-react-hooks';
import type { AppData } from './app-data';
import type { WorkbenchDatabase } from './database';

const ANNOTATOR = 'annotator';

/** The analyst's name: undefined while loading, null until they have given it. */
export function useAnnotatorName(db: WorkbenchDatabase): string | null | undefined {
  return useLiveQuery(async () => (await db.settings.get(ANNOTATOR))?.value ?? null, [db]);
}

export const setAnnotatorName = ({ db, saves }: AppData, name: string) =>
  saves.track(() => db.settings.put({ key: ANNOTATOR, value: name }));

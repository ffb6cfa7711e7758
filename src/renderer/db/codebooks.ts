import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { BUILT_IN_CODEBOOKS, DEFAULT_CODEBOOK_ID } from '../../shared/codebooks/built-in';
import { canonicalJson } from '../../shared/merge/merge';
import type { Codebook } from '../../shared/model/codebook';
import type { AppData } from './app-data';
import type { CorpusScope } from './corpus-scope';
import type { WorkbenchDatabase } from './database';

/** The latest version of each codebook: the shipped ones, unless a later version has been saved. */
export function useCodebooks(db: WorkbenchDatabase): Codebook[] | undefined {
  const versions = useCodebookVersions(db);
  return useMemo(() => {
    if (!versions) return undefined;
    const latest = new Map<string, Codebook>();
    for (const codebook of versions)
      if ((latest.get(codebook.id)?.version ?? 0) < codebook.version) latest.set(codebook.id, codebook);
    return [...latest.values()];
  }, [versions]);
}

/** Every version of every codebook here: the shipped ones and each one saved or imported. */
export function useCodebookVersions(db: WorkbenchDatabase): Codebook[] | undefined {
  return useLiveQuery(async () => [...BUILT_IN_CODEBOOKS, ...(await db.codebooks.toArray())], [db]);
}

const choiceKey = (corpusId: string) => `codebook:${corpusId}`;

/** The codebook the corpus is annotated with (a project's choice), in its latest version. */
export function useActiveCodebook({ db, corpusId }: CorpusScope): Codebook | undefined {
  const codebooks = useCodebooks(db);
  const chosen = useLiveQuery(
    async () => (await db.settings.get(choiceKey(corpusId)))?.value ?? DEFAULT_CODEBOOK_ID,
    [db, corpusId],
  );
  if (!codebooks || chosen === undefined) return undefined;
  return codebooks.find((c) => c.id === chosen) ?? codebooks.find((c) => c.id === DEFAULT_CODEBOOK_ID);
}

export const chooseCodebook = ({ db, corpusId, saves }: CorpusScope, id: string) =>
  saves.track(() => db.settings.put({ key: choiceKey(corpusId), value: id }));

/** A codebook coded with beside the one whose keys apply, and whether the reader shows its claims. */
export interface Layer {
  id: string;
  shown: boolean;
}

const layersKey = (corpusId: string) => `layers:${corpusId}`;

/**
 * The corpus's layers: the codebooks it is coded with at once (the one whose keys apply among
 * them), each shown or hidden in the reader. A corpus that never chose has one layer, the codebook
 * whose keys apply.
 */
export function useLayers({ db, corpusId }: CorpusScope, current: Codebook | undefined): Layer[] | undefined {
  const stored = useLiveQuery(async () => (await db.settings.get(layersKey(corpusId)))?.value ?? '', [db, corpusId]);
  return useMemo(() => {
    if (stored === undefined || !current) return undefined;
    const layers = stored ? (JSON.parse(stored) as Layer[]) : [];
    return layers.some((l) => l.id === current.id) ? layers : [{ id: current.id, shown: true }, ...layers];
  }, [stored, current]);
}

export const setLayers = ({ db, corpusId, saves }: CorpusScope, layers: readonly Layer[]) =>
  saves.track(() => db.settings.put({ key: layersKey(corpusId), value: JSON.stringify(layers) }));

/**
 * Keeps a new version of a codebook, or a codebook brought in from a file. A version is never
 * overwritten: claims made with it name it. Saving an identical copy again changes nothing.
 */
export async function saveCodebook({ db, saves }: AppData, codebook: Codebook): Promise<void> {
  await saves.track(() =>
    db.transaction('rw', db.codebooks, async () => {
      const existing =
        (await db.codebooks.get([codebook.id, codebook.version])) ??
        BUILT_IN_CODEBOOKS.find((c) => c.id === codebook.id && c.version === codebook.version);
      if (!existing) {
        await db.codebooks.add(codebook);
        return;
      }
      if (canonicalJson(existing) !== canonicalJson(codebook)) {
        throw new Error(
          `A different version ${codebook.version} of the codebook "${codebook.name}" is already here. Ask whoever shared it for their latest version, or rename its id to keep both.`,
        );
      }
    }),
  );
}

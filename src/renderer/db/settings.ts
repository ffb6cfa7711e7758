import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { AppData } from './app-data';
import type { CorpusScope } from './corpus-scope';
import type { WorkbenchDatabase } from './database';

const ANNOTATOR = 'annotator';

/** The analyst's name: undefined while loading, null until they have given it. */
export function useAnnotatorName(db: WorkbenchDatabase): string | null | undefined {
  return useLiveQuery(async () => (await db.settings.get(ANNOTATOR))?.value ?? null, [db]);
}

const EARLIER_NAMES = 'annotator-earlier-names';

/** Names the analyst went by before (newest last): their claims are still theirs in Annotate. */
export function useEarlierNames(db: WorkbenchDatabase): readonly string[] {
  const stored = useLiveQuery(async () => (await db.settings.get(EARLIER_NAMES))?.value, [db]);
  return useMemo(() => (stored ? (JSON.parse(stored) as string[]) : []), [stored]);
}

/** Sets the analyst's name, keeping the one it replaces among their earlier names. */
export const setAnnotatorName = ({ db, saves }: AppData, name: string) =>
  saves.track(() =>
    db.transaction('rw', db.settings, async () => {
      const before = (await db.settings.get(ANNOTATOR))?.value;
      if (before && before !== name) {
        const earlier = JSON.parse((await db.settings.get(EARLIER_NAMES))?.value ?? '[]') as string[];
        const kept = [...earlier.filter((n) => n !== before && n !== name), before];
        await db.settings.put({ key: EARLIER_NAMES, value: JSON.stringify(kept) });
      }
      await db.settings.put({ key: ANNOTATOR, value: name });
    }),
  );

/** Whose claims Annotate shows: the analyst's own, everyone's, or one colleague's (by name). */
export type WhoseClaims = { kind: 'mine' } | { kind: 'everyone' } | { kind: 'annotator'; name: string };

const whoseKey = (corpusId: string) => `whose-claims:${corpusId}`;

/** The corpus's choice of whose claims Annotate shows; the analyst's own until they choose. */
export function useWhoseClaims({ db, corpusId }: CorpusScope): WhoseClaims {
  const stored = useLiveQuery(async () => (await db.settings.get(whoseKey(corpusId)))?.value, [db, corpusId]);
  // One object per choice: the reader redraws when the choice changes, not on every render.
  return useMemo((): WhoseClaims => {
    if (stored === 'everyone') return { kind: 'everyone' };
    if (stored?.startsWith('annotator:')) return { kind: 'annotator', name: stored.slice('annotator:'.length) };
    return { kind: 'mine' };
  }, [stored]);
}

export const setWhoseClaims = ({ db, corpusId, saves }: CorpusScope, whose: WhoseClaims) =>
  saves.track(() =>
    db.settings.put({
      key: whoseKey(corpusId),
      value: whose.kind === 'annotator' ? `annotator:${whose.name}` : whose.kind,
    }),
  );

/** How claims every annotator agreed on reach gold: on their own, or when the analyst asks. */
export type GoldFromAgreement = 'auto' | 'ask';

const agreementKey = (corpusId: string) => `gold-from-agreement:${corpusId}`;

/** The corpus's choice; undefined while it is read, automatic until the analyst chooses. */
export function useGoldFromAgreement({ db, corpusId }: CorpusScope): GoldFromAgreement | undefined {
  return useLiveQuery(
    async () => ((await db.settings.get(agreementKey(corpusId)))?.value === 'ask' ? 'ask' : 'auto'),
    [db, corpusId],
  );
}

export const setGoldFromAgreement = ({ db, corpusId, saves }: CorpusScope, choice: GoldFromAgreement) =>
  saves.track(() => db.settings.put({ key: agreementKey(corpusId), value: choice }));

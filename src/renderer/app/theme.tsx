import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useSyncExternalStore } from 'react';
import { type AppData, useAppData } from '../db/app-data';

export type ThemeChoice = 'system' | 'light' | 'dark';
const SETTING = 'theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Whether the system asks for dark colours, following it as it changes. */
function useSystemDark(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const query = darkQuery();
      query.addEventListener('change', listener);
      return () => query.removeEventListener('change', listener);
    },
    () => darkQuery().matches,
  );
}

export function useThemeChoice(): ThemeChoice {
  const { db } = useAppData();
  const stored = useLiveQuery(async () => (await db.settings.get(SETTING))?.value, [db]);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export const setThemeChoice = ({ db, saves }: AppData, choice: ThemeChoice) =>
  saves.track(() => db.settings.put({ key: SETTING, value: choice }));

/** Puts the chosen (or the system's) theme on the document, where the stylesheet's colours follow it. */
export function useAppliedTheme(): void {
  const choice = useThemeChoice();
  const systemDark = useSystemDark();
  const theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

import { createContext, useContext } from 'react';
import type { WorkbenchDatabase } from './database';
import type { SaveTracker } from './save-tracker';

/** The window's database and the tracker every write of it reports to. */
export interface AppData {
  db: WorkbenchDatabase;
  saves: SaveTracker;
}

export const AppDataContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData needs an AppDataContext provider');
  return data;
}

import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { type AppData, useAppData } from '../db/app-data';

export type Language = 'en' | 'ru';
export const LANGUAGES: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
];

const SETTING = 'interface-language';

/** Russian when the system's first preferred language is, English otherwise. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  return preferred[0]?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const LanguageContext = createContext<Language>('en');

export const useLanguage = () => useContext(LanguageContext);

export const setLanguage = ({ db, saves }: AppData, language: Language) =>
  saves.track(() => db.settings.put({ key: SETTING, value: language }));

/** The interface language: the analyst's choice, or the system's until they make one. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { db } = useAppData();
  const chosen = useLiveQuery(async () => (await db.settings.get(SETTING))?.value, [db]);
  const language: Language = chosen === 'en' || chosen === 'ru' ? chosen : systemLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

/** The hook a feature's components read their text from, and the text in a given language. */
export interface Messages<T> {
  (): T;
  /** For text that outlives the render it was made in (a notice), so it follows a language switch. */
  of(language: Language): T;
}

/** A feature's interface text in both languages; the Russian must have every key the English has. */
export function defineMessages<T>(en: T, ru: NoInfer<T>): Messages<T> {
  const of = (language: Language) => (language === 'ru' ? ru : en);
  return Object.assign(() => of(useLanguage()), { of });
}

import { useMemo } from 'react';
import { defineMessages, useLanguage } from './language';

const useNotDetected = defineMessages({ text: 'Language not detected' }, { text: 'Язык не определён' });

/**
 * A document's language named in the interface's language: "ru" reads "Russian" in English and
 * "Русский" in Russian; the detector's "und" (undetermined) reads as such.
 */
export function useLanguageName(): (code: string) => string {
  const language = useLanguage();
  const notDetected = useNotDetected().text;
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    return (code: string) => {
      if (code === 'und') return notDetected;
      try {
        const name = names.of(code) ?? code;
        return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
      } catch {
        return code;
      }
    };
  }, [language, notDetected]);
}

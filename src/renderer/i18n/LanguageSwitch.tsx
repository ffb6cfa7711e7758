import { useAppData } from '../db/app-data';
import { LANGUAGES, type Language, setLanguage, useLanguage } from './language';

/** The interface language, in each language's own name. */
export function LanguageSwitch() {
  const language = useLanguage();
  const data = useAppData();
  return (
    <select
      className="language-switch"
      aria-label="Interface language / Язык интерфейса"
      value={language}
      onChange={(event) => setLanguage(data, event.target.value as Language)}
    >
      {LANGUAGES.map(({ code, name }) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
}

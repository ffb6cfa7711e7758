import { useAppData } from '../db/app-data';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useAppMessages } from './messages';
import { setThemeChoice, type ThemeChoice, useAppliedTheme, useThemeChoice } from './theme';

/** The interface language and the light or dark theme, at the header's end. */
export function InterfaceSettings() {
  useAppliedTheme();
  const choice = useThemeChoice();
  const m = useAppMessages();
  const data = useAppData();
  return (
    <span className="interface-settings">
      <LanguageSwitch />
      <select
        aria-label={m.theme}
        value={choice}
        onChange={(event) => setThemeChoice(data, event.target.value as ThemeChoice)}
      >
        <option value="system">{m.themeSystem}</option>
        <option value="light">{m.themeLight}</option>
        <option value="dark">{m.themeDark}</option>
      </select>
    </span>
  );
}

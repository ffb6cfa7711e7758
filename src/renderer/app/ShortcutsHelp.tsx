import { useState } from 'react';
import { useLanguage } from '../i18n/language';
import { useShortcuts } from '../keyboard/KeyboardProvider';
import { type Scope, SHORTCUTS } from '../keyboard/shortcuts';
import { useCodebook } from '../session/SessionContext';
import { useAppMessages } from './messages';

const SCOPES: readonly Scope[] = ['annotate', 'review', 'global'];
const TAG = SHORTCUTS.find((s) => s.id === 'tag');

/** `?` shows every keyboard shortcut, made from the list the keyboard listener reads; `?` or Esc hides it. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const codebook = useCodebook();
  const language = useLanguage();
  const m = useAppMessages();
  useShortcuts('global', { help: () => setOpen(true) });
  if (!open) return null;
  const close = () => setOpen(false);
  return (
    <div className="modal-backdrop">
      <section
        className="modal wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(event) => {
          if (event.key === '?' || event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      >
        <h2 id="shortcuts-title">{m.shortcuts}</h2>
        {SCOPES.map((scope) => (
          <table className="shortcuts" key={scope}>
            <caption>{m.scopes[scope]}</caption>
            <tbody>
              {scope === 'annotate' &&
                codebook.tags.map((tag) => (
                  <tr key={tag.id}>
                    <th scope="row">
                      <kbd>{tag.hotkey}</kbd>
                    </th>
                    <td>
                      {TAG?.description[language]}: {tag.label}
                    </td>
                  </tr>
                ))}
              {SHORTCUTS.filter((s) => s.scope === scope && s.id !== 'tag').map((shortcut) => (
                <tr key={shortcut.id}>
                  <th scope="row">
                    <kbd>{shortcut.keys[language]}</kbd>
                  </th>
                  <td>{shortcut.description[language]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
        {/* biome-ignore lint/a11y/noAutofocus: the dialog takes the focus so that ? and Esc close it */}
        <button type="button" className="primary" onClick={close} autoFocus>
          {m.close}
        </button>
      </section>
    </div>
  );
}

import { Fragment, useState } from 'react';
import { useLanguage } from '../i18n/language';
import { useShortcuts } from '../keyboard/KeyboardProvider';
import { type Scope, SHORTCUTS } from '../keyboard/shortcuts';
import { useCodebook } from '../session/SessionContext';
import { useAppMessages } from './messages';

const SCOPES: readonly Scope[] = ['annotate', 'search', 'review', 'global'];

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
        // Focused when shown, at its top, so that ? and Esc reach it and the list reads from the start.
        tabIndex={-1}
        ref={(dialog) => dialog?.focus()}
        onKeyDown={(event) => {
          if (event.key === '?' || event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      >
        <h2 id="shortcuts-title">{m.shortcuts}</h2>
        <table className="shortcuts">
          {SCOPES.map((scope) => (
            <tbody key={scope}>
              <tr>
                <th scope="colgroup" colSpan={2} className="shortcut-scope">
                  {m.scopes[scope]}
                </th>
              </tr>
              {SHORTCUTS.filter((s) => s.scope === scope).map((shortcut) => (
                <Fragment key={shortcut.id}>
                  <tr>
                    <th scope="row">
                      <kbd>{shortcut.keys[language]}</kbd>
                    </th>
                    <td>{shortcut.description[language]}</td>
                  </tr>
                  {shortcut.id === 'tag' &&
                    codebook.tags
                      .filter((tag) => tag.hotkey !== undefined)
                      .map((tag) => (
                        <tr key={tag.id} className="tag-key">
                          <th scope="row">
                            <kbd>{tag.hotkey}</kbd>
                          </th>
                          <td>
                            <span className="swatch" style={{ background: tag.colour }} aria-hidden="true" />{' '}
                            <span translate="no">{tag.label}</span>
                          </td>
                        </tr>
                      ))}
                </Fragment>
              ))}
            </tbody>
          ))}
        </table>
        <button type="button" className="primary" onClick={close}>
          {m.close}
        </button>
      </section>
    </div>
  );
}

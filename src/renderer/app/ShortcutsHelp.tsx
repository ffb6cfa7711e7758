import { useEffect, useState } from 'react';
import type { Codebook } from '../../shared/model/codebook';
import { useAppMessages } from './messages';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `?` shows every keyboard shortcut; `?` or Esc hides them again. */
export function ShortcutsHelp({ codebook }: { codebook: Codebook }) {
  const [open, setOpen] = useState(false);
  const m = useAppMessages();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if (event.key === '?') setOpen((shown) => !shown);
      else if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (!open) return null;
  const rows = m.shortcutRows(codebook.tags.map((tag) => [tag.hotkey, tag.label]));
  return (
    <div className="modal-backdrop">
      <section className="modal wide" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{m.shortcuts}</h2>
        <table className="shortcuts">
          <tbody>
            {rows.map(([key, action]) => (
              <tr key={key + action}>
                <th scope="row">
                  <kbd>{key}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="primary" onClick={() => setOpen(false)}>
          {m.close}
        </button>
      </section>
    </div>
  );
}

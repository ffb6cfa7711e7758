import { useEffect, useState } from 'react';
import type { Codebook } from '../../shared/model/codebook';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `?` shows every keyboard shortcut; `?` or Esc hides them again. */
export function ShortcutsHelp({ codebook }: { codebook: Codebook }) {
  const [open, setOpen] = useState(false);
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
  const rows: [string, string][] = [
    ...codebook.tags.map((tag): [string, string] => [
      tag.hotkey,
      `Tag the selected text (or re-tag the selected claim): ${tag.label}`,
    ]),
    ['Delete / Backspace', 'Delete the selected claim'],
    ['↓ / ↑', 'Next / previous claim (Annotate); next / previous disagreement (Review)'],
    ['Esc', 'Clear the selection'],
    ['1–9 (Review)', "Accept that annotator's claim into gold"],
    ['m / x (Review)', 'Merge the claims into one gold claim / reject them'],
    ['?', 'Show or hide this list'],
  ];
  return (
    <div className="modal-backdrop">
      <section className="modal wide" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
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
          Close
        </button>
      </section>
    </div>
  );
}

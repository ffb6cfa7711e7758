import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { type Language, useLanguage } from '../i18n/language';
import { WithNames } from '../i18n/WithNames';
import { useNoticeMessages } from './messages';

/** A message about something that just happened: an export written, a folder that failed to open. */
export interface Notice {
  kind: 'done' | 'error';
  /** A function of the language for the app's own words, so a notice follows a language switch. */
  text: string | ((language: Language) => string);
  /** File names and other data in the text, which no translation touches. */
  names?: readonly string[];
}

interface Shown extends Notice {
  id: number;
}

/** How long a success stays; an error stays until dismissed, so it is never missed. */
const DONE_FOR_MS = 10_000;

const NoticesContext = createContext<((notice: Notice) => void) | null>(null);

/** Tells the analyst something in the corner of the window, over the layout, never inside it. */
export function useNotify(): (notice: Notice) => void {
  const notify = useContext(NoticesContext);
  if (!notify) throw new Error('useNotify is used outside NoticesProvider');
  return notify;
}

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown[]>([]);
  const next = useRef(0);
  const m = useNoticeMessages();
  const language = useLanguage();
  const dismiss = useCallback((id: number) => setShown((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Notice) => {
      const id = next.current++;
      // The newest first, and at most three: older ones are stale news.
      setShown((all) => [{ ...notice, id }, ...all].slice(0, 3));
      if (notice.kind === 'done') setTimeout(() => dismiss(id), DONE_FOR_MS);
    },
    [dismiss],
  );
  return (
    <NoticesContext.Provider value={notify}>
      {children}
      <section className="notices" aria-label={m.notices}>
        {shown.map((notice) => (
          <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span className="notice-text">
              <WithNames
                text={typeof notice.text === 'string' ? notice.text : notice.text(language)}
                names={notice.names ?? []}
              />
            </span>
            <button type="button" className="notice-close" aria-label={m.dismiss} onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </section>
    </NoticesContext.Provider>
  );
}

import { useEffect, useState } from 'react';
import { useHost } from '../../host/HostContext';
import { useNotify } from '../../notices';
import { useCorpusMessages } from './messages';

/**
 * Electron: choose another folder as the corpus. The window then reloads, so that nothing of the
 * previous corpus stays on screen or in memory. The browser host takes its folder on its command line.
 */
export function OpenCorpusButton() {
  const host = useHost();
  const m = useCorpusMessages();
  const [electron, setElectron] = useState(false);
  const notify = useNotify();
  useEffect(() => {
    host.getAppInfo().then(
      (info) => setElectron(info.host === 'electron'),
      () => undefined,
    );
  }, [host]);
  if (!electron) return null;
  return (
    <button
      type="button"
      className="secondary"
      onClick={() =>
        host.openCorpusFolder().then(
          (outcome) => outcome.status === 'opened' && window.location.reload(),
          (failure: unknown) => notify({ kind: 'error', text: (failure as Error).message }),
        )
      }
    >
      {m.openFolder}
    </button>
  );
}

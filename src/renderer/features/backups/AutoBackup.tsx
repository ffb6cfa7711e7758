import { useEffect, useRef } from 'react';
import { useCodebook, useSession } from '../../session/SessionContext';
import { writeBackup } from './write-backup';

/** How often, while there is new work, a snapshot goes to the host's backup folder. */
const BACKUP_EVERY_MS = 5 * 60 * 1000;

/**
 * Snapshots the corpus's claims as native JSON every few minutes of activity and when the window
 * is hidden or closed, so that a lost browser profile loses at most minutes of work.
 */
export function AutoBackup() {
  const session = useSession();
  const codebook = useCodebook();
  const backedUp = useRef(session.saves.committed);

  useEffect(() => {
    const backup = async () => {
      const writes = session.saves.committed;
      if (writes === backedUp.current) return false;
      backedUp.current = writes;
      await writeBackup(session, codebook);
      return true;
    };
    const safely = () => {
      backup().then(
        (written) => written && session.saves.reportBackup({ written: true }),
        (error: unknown) => {
          // Shown in the top bar and the Backups screen, and tried again at the next tick.
          backedUp.current = -1;
          session.saves.reportBackup({
            written: false,
            reason: error instanceof Error ? error.message : String(error),
          });
        },
      );
    };
    const timer = setInterval(safely, BACKUP_EVERY_MS);
    const onHide = () => {
      if (document.visibilityState === 'hidden') safely();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', safely);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', safely);
    };
  }, [session, codebook]);
  return null;
}

import { useEffect, useRef } from 'react';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusListing } from '../../../shared/model/document';
import { committedWrites } from '../../db/save-status';
import { useHost } from '../../host/HostContext';
import { exportFromDatabase } from '../../lib/build-export';

/** How often, while there is new work, a snapshot goes to the host's backup folder. */
const BACKUP_EVERY_MS = 5 * 60 * 1000;

/**
 * Snapshots the corpus's claims as native JSON every few minutes of activity and when the window
 * is hidden or closed, so that a lost browser profile loses at most minutes of work.
 */
export function AutoBackup({
  listing,
  codebook,
  annotator,
}: {
  listing: CorpusListing;
  codebook: Codebook;
  annotator: string;
}) {
  const host = useHost();
  const backedUp = useRef(committedWrites());

  useEffect(() => {
    const backup = async () => {
      const writes = committedWrites();
      if (writes === backedUp.current) return;
      backedUp.current = writes;
      const file = await exportFromDatabase(
        host,
        { format: 'native', scope: 'corpus', includeTexts: false, annotator, documentIds: [] },
        { listing, codebook, annotator },
      );
      await host.writeBackup(file.content);
    };
    const safely = () => {
      backup().catch(() => {
        // A failed snapshot is tried again at the next tick; the database itself is unaffected.
        backedUp.current = -1;
      });
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
  }, [host, listing, codebook, annotator]);
  return null;
}

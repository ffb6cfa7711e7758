import { useState, useSyncExternalStore } from 'react';
import { labelledJson } from '../../../shared/formats/labelled-json';
import type { BackupInfo } from '../../../shared/host-api';
import { planRestore } from '../../../shared/merge/restore';
import { allClaims } from '../../db/claim-queries';
import { useLanguage } from '../../i18n/language';
import { useCodebook, useSession } from '../../session/SessionContext';
import { useBackupMessages } from './messages';
import { StorageInfo } from './StorageInfo';
import { writeBackup } from './write-backup';

/**
 * Lists the snapshots the host keeps and restores one after the analyst confirms what it will
 * change. The work as it is now is backed up first; a restore never erases a claim made since.
 */
export function BackupsButton() {
  const session = useSession();
  const { host } = session;
  const corpusName = session.listing.name;
  const codebook = useCodebook();
  const lastBackup = useSyncExternalStore(session.saves.subscribe, () => session.saves.backup);
  const language = useLanguage();
  const m = useBackupMessages();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<string>();

  async function open() {
    setMessage(undefined);
    try {
      setBackups(await host.listBackups());
    } catch (error) {
      setBackups([]);
      setMessage(m.listFailed((error as Error).message));
    }
  }

  async function restore(backup: BackupInfo) {
    try {
      const parsed = labelledJson.parse(await host.readBackup(backup.name));
      if (!parsed.ok) {
        setMessage(m.damaged(parsed.error[0]));
        return;
      }
      const current = (await allClaims(session)).map(({ corpusId: _, ...claim }) => claim);
      const plan = planRestore(current, parsed.value, new Date().toISOString());
      const when = new Date(backup.time).toLocaleString(language);
      if (!window.confirm(m.confirm(corpusName, when, plan))) return;
      // The work as it is now, kept first: a restore the analyst regrets can itself be restored.
      await writeBackup(session, codebook);
      await session.claims.restore(plan.put, parsed.value.documentLabels ?? [], parsed.value.reviews ?? []);
      setMessage(m.restored(when, plan));
      setBackups(await host.listBackups());
    } catch (error) {
      setMessage(m.restoreFailed((error as Error).message));
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={open}>
        {m.backups}
      </button>
      {backups && (
        <div className="modal-backdrop">
          <section className="modal wide" role="dialog" aria-modal="true" aria-labelledby="backups-title">
            <h2 id="backups-title">{m.title}</h2>
            <p className="muted small">{m.about}</p>
            <StorageInfo />
            {lastBackup.kind === 'failed' && (
              <p role="alert" className="error">
                {m.lastFailed(new Date(lastBackup.at).toLocaleString(language), lastBackup.reason)}
              </p>
            )}
            {backups.length === 0 ? (
              <p>{m.none}</p>
            ) : (
              <ul className="backups">
                {backups.map((backup) => (
                  <li key={backup.name}>
                    <span>{new Date(backup.time).toLocaleString(language)}</span>
                    <span>{m.claims(backup.claims)}</span>
                    <span className="muted small">{m.kilobytes(backup.bytes / 1024)}</span>
                    <button type="button" onClick={() => restore(backup)}>
                      {m.restore}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {message && <p role="status">{message}</p>}
            <button type="button" className="primary" onClick={() => setBackups(null)}>
              {m.close}
            </button>
          </section>
        </div>
      )}
    </>
  );
}

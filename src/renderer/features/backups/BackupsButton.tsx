import { useState } from 'react';
import { labelledJson } from '../../../shared/formats/labelled-json';
import type { BackupInfo } from '../../../shared/host-api';
import { useLanguage } from '../../i18n/language';
import { useSession } from '../../session/SessionContext';
import { useBackupMessages } from './messages';

/** Lists the snapshots the host keeps and restores one after the analyst confirms. */
export function BackupsButton() {
  const session = useSession();
  const { host } = session;
  const corpusName = session.listing.name;
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
      const claims = parsed.value.annotations;
      const when = new Date(backup.time).toLocaleString(language);
      if (!window.confirm(m.confirm(corpusName, claims.length, when))) return;
      await session.claims.restore(claims, parsed.value.documentLabels ?? []);
      setMessage(m.restored(claims.length, when));
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

import { useState } from 'react';
import { labelledJson } from '../../../shared/formats/labelled-json';
import type { BackupInfo } from '../../../shared/host-api';
import { restoreClaims } from '../../db/annotations';
import { useHost } from '../../host/HostContext';

/** Lists the snapshots the host keeps and restores one after the analyst confirms. */
export function BackupsButton({ corpusName }: { corpusName: string }) {
  const host = useHost();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<string>();

  async function open() {
    setMessage(undefined);
    try {
      setBackups(await host.listBackups());
    } catch (error) {
      setBackups([]);
      setMessage(`The backups cannot be listed: ${(error as Error).message}`);
    }
  }

  async function restore(backup: BackupInfo) {
    try {
      const parsed = labelledJson.parse(await host.readBackup(backup.name));
      if (!parsed.ok) {
        setMessage(
          `This backup is damaged (${parsed.error[0]?.path}: ${parsed.error[0]?.message}); nothing was changed.`,
        );
        return;
      }
      const claims = parsed.value.annotations;
      const when = new Date(backup.time).toLocaleString();
      if (
        !window.confirm(
          `Replace the claims of ${corpusName} with the ${claims.length} claims of the backup from ${when}?`,
        )
      ) {
        return;
      }
      await restoreClaims(claims, parsed.value.documentLabels ?? []);
      setMessage(`Restored ${claims.length} claims from ${when}.`);
    } catch (error) {
      setMessage(`The backup could not be restored: ${(error as Error).message}; nothing was changed.`);
    }
  }

  return (
    <>
      <button type="button" className="secondary" onClick={open}>
        Backups…
      </button>
      {backups && (
        <div className="modal-backdrop">
          <section className="modal wide" role="dialog" aria-modal="true" aria-labelledby="backups-title">
            <h2 id="backups-title">Backups</h2>
            <p className="muted small">
              Snapshots of your claims, written every few minutes while you work and when the window closes. Restoring
              replaces the claims of this corpus with the snapshot's.
            </p>
            {backups.length === 0 ? (
              <p>No backups yet.</p>
            ) : (
              <ul className="backups">
                {backups.map((backup) => (
                  <li key={backup.name}>
                    <span>{new Date(backup.time).toLocaleString()}</span>
                    <span>{backup.claims === 1 ? '1 claim' : `${backup.claims} claims`}</span>
                    <span className="muted small">{(backup.bytes / 1024).toFixed(1)} kB</span>
                    <button type="button" onClick={() => restore(backup)}>
                      Restore
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {message && <p role="status">{message}</p>}
            <button type="button" className="primary" onClick={() => setBackups(null)}>
              Close
            </button>
          </section>
        </div>
      )}
    </>
  );
}

import { useEffect, useState } from 'react';

interface Storage {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

const megabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/**
 * Asks the browser to keep the database even when disk space runs low (it may otherwise evict it),
 * and shows how much of the allowed space the work uses.
 */
export function StorageInfo() {
  const [storage, setStorage] = useState<Storage>();
  useEffect(() => {
    const manager = navigator.storage;
    if (!manager) return;
    (async () => {
      const persisted = (await manager.persisted?.()) || (await manager.persist?.().catch(() => false)) || false;
      const { usage, quota } = (await manager.estimate?.()) ?? {};
      setStorage({ persisted, usage, quota });
    })();
  }, []);
  if (!storage) return null;
  const used =
    storage.usage !== undefined && storage.quota ? `${megabytes(storage.usage)} of ${megabytes(storage.quota)}` : '';
  return (
    <span
      className="storage-info"
      title={
        storage.persisted
          ? 'The browser keeps this data even when disk space runs low.'
          : 'The browser may clear this data when disk space runs low: export your work regularly.'
      }
    >
      {used && `Storage: ${used}`}
      {!storage.persisted && ' (not persistent)'}
    </span>
  );
}

import { useEffect, useState } from 'react';
import { type Language, useLanguage } from '../../i18n/language';
import { useBackupMessages } from './messages';

interface Storage {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

/** Bytes in GB, or in MB with a decimal only below 10 MB. */
function size(bytes: number, language: Language, units: { gigabytes: string; megabytes: string }) {
  const gb = bytes >= 1e9;
  const digits = gb || bytes < 1e7 ? 1 : 0;
  const value = (gb ? bytes / 1e9 : bytes / 1e6).toLocaleString(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${value} ${gb ? units.gigabytes : units.megabytes}`;
}

/**
 * Asks the browser to keep the database even when disk space runs low (it may otherwise evict it):
 * once, when the app starts.
 */
export function keepStorage(): Promise<boolean> {
  const manager = navigator.storage;
  if (!manager) return Promise.resolve(false);
  return (async () => (await manager.persisted?.()) || (await manager.persist?.().catch(() => false)) || false)();
}

/** How much of the allowed space the work uses, and what it means if the browser may clear it. */
export function StorageInfo() {
  const [storage, setStorage] = useState<Storage>();
  const language = useLanguage();
  const m = useBackupMessages();
  useEffect(() => {
    const manager = navigator.storage;
    if (!manager) return;
    (async () => {
      const persisted = (await manager.persisted?.()) ?? false;
      const { usage, quota } = (await manager.estimate?.()) ?? {};
      setStorage({ persisted, usage, quota });
    })();
  }, []);
  if (!storage) return null;
  return (
    <p className="storage-info small">
      {storage.usage !== undefined && storage.quota
        ? m.storage(size(storage.usage, language, m), size(storage.quota, language, m))
        : null}{' '}
      {storage.persisted ? m.persisted : m.evictable}
    </p>
  );
}

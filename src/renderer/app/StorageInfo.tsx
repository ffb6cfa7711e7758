import { useEffect, useState } from 'react';
import { type Language, useLanguage } from '../i18n/language';
import { useIndicatorMessages } from './indicator-messages';

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
 * Asks the browser to keep the database even when disk space runs low (it may otherwise evict it),
 * and shows how much of the allowed space the work uses.
 */
export function StorageInfo() {
  const [storage, setStorage] = useState<Storage>();
  const language = useLanguage();
  const m = useIndicatorMessages();
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
    storage.usage !== undefined && storage.quota
      ? m.storage(size(storage.usage, language, m), size(storage.quota, language, m))
      : '';
  return (
    <span className="storage-info" title={storage.persisted ? m.persistedHint : m.evictableHint}>
      {used}
      {!storage.persisted && m.notPersistent}
    </span>
  );
}

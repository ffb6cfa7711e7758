import { defineMessages } from '../i18n/language';
import { count } from '../i18n/plural';

/** The toolbar's save and storage indicators. */
export const useIndicatorMessages = defineMessages(
  {
    notSaved: (failed: number, reason: string) =>
      `Not saved (${failed.toLocaleString('en')} ${failed === 1 ? 'change' : 'changes'}): ${reason}`,
    retry: 'Retry',
    backupFailed: (reason: string) => `Backup failed: ${reason}`,
    saved: 'All changes saved',
    saving: 'Saving…',
    storage: (used: string, quota: string) => `Storage: ${used} of ${quota}`,
    notPersistent: ' (not persistent)',
    persistedHint: 'The browser keeps this data even when disk space runs low.',
    evictableHint: 'The browser may clear this data when disk space runs low: export your work regularly.',
    gigabytes: 'GB',
    megabytes: 'MB',
  },
  {
    notSaved: (failed: number, reason: string) =>
      `Не сохранено (${count(failed, 'изменение', 'изменения', 'изменений')}): ${reason}`,
    retry: 'Повторить',
    backupFailed: (reason: string) => `Резервная копия не записана: ${reason}`,
    saved: 'Все изменения сохранены',
    saving: 'Сохранение…',
    storage: (used: string, quota: string) => `Хранилище: ${used} из ${quota}`,
    notPersistent: ' (непостоянное)',
    persistedHint: 'Браузер сохранит эти данные, даже если на диске мало места.',
    evictableHint: 'Браузер может удалить эти данные, если на диске мало места: регулярно экспортируйте работу.',
    gigabytes: 'ГБ',
    megabytes: 'МБ',
  },
);

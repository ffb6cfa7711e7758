import { defineMessages } from '../i18n/language';
import { count } from '../i18n/plural';

/** The toolbar's save indicator. */
export const useIndicatorMessages = defineMessages(
  {
    notSaved: (failed: number, reason: string) =>
      `Not saved (${failed.toLocaleString('en')} ${failed === 1 ? 'change' : 'changes'}): ${reason}`,
    retry: 'Retry',
    backupFailed: (reason: string) => `Backup failed: ${reason}`,
    saved: 'All changes saved',
    saving: 'Saving…',
  },
  {
    notSaved: (failed: number, reason: string) =>
      `Не сохранено (${count(failed, 'изменение', 'изменения', 'изменений')}): ${reason}`,
    retry: 'Повторить',
    backupFailed: (reason: string) => `Резервная копия не записана: ${reason}`,
    saved: 'Всё сохранено',
    saving: 'Сохранение…',
  },
);

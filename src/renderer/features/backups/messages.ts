import type { Problem } from '../../../shared/result';
import { defineMessages } from '../../i18n/language';
import { count } from '../../i18n/plural';

const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

export const useBackupMessages = defineMessages(
  {
    backups: 'Backups…',
    title: 'Backups',
    about:
      "Snapshots of your claims, written every few minutes while you work and when the window closes. Restoring replaces the claims of this corpus with the snapshot's.",
    none: 'No backups yet.',
    claims: (n: number) => (n === 1 ? '1 claim' : `${n.toLocaleString('en')} claims`),
    kilobytes: (kb: number) => `${kb.toLocaleString('en', oneDecimal)} kB`,
    restore: 'Restore',
    close: 'Close',
    listFailed: (reason: string) => `The backups cannot be listed: ${reason}`,
    damaged: (problem: Problem | undefined) =>
      `This backup is damaged (${problem?.path}: ${problem?.message}); nothing was changed.`,
    confirm: (corpus: string, claims: number, when: string) =>
      `Replace the claims of ${corpus} with the ${claims.toLocaleString('en')} claims of the backup from ${when}?`,
    restored: (claims: number, when: string) => `Restored ${claims.toLocaleString('en')} claims from ${when}.`,
    restoreFailed: (reason: string) => `The backup could not be restored: ${reason}; nothing was changed.`,
  },
  {
    backups: 'Резервные копии…',
    title: 'Резервные копии',
    about:
      'Снимки ваших утверждений: сохраняются каждые несколько минут во время работы и при закрытии окна. Восстановление заменяет утверждения этого корпуса утверждениями из снимка.',
    none: 'Резервных копий пока нет.',
    claims: (n: number) => count(n, 'утверждение', 'утверждения', 'утверждений'),
    kilobytes: (kb: number) => `${kb.toLocaleString('ru', oneDecimal)} КБ`,
    restore: 'Восстановить',
    close: 'Закрыть',
    listFailed: (reason: string) => `Не удалось получить список резервных копий: ${reason}`,
    damaged: (problem: Problem | undefined) =>
      `Резервная копия повреждена (${problem?.path}: ${problem?.message}); ничего не изменено.`,
    confirm: (corpus: string, claims: number, when: string) =>
      `Заменить утверждения корпуса ${corpus} на ${count(claims, 'утверждение', 'утверждения', 'утверждений')} из резервной копии от ${when}?`,
    restored: (claims: number, when: string) =>
      `Восстановлено ${count(claims, 'утверждение', 'утверждения', 'утверждений')} из копии от ${when}.`,
    restoreFailed: (reason: string) => `Резервную копию восстановить не удалось: ${reason}; ничего не изменено.`,
  },
);

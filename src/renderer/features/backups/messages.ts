import type { RestorePlan } from '../../../shared/merge/restore';
import type { Problem } from '../../../shared/result';
import { defineMessages } from '../../i18n/language';
import { count } from '../../i18n/plural';

const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const en = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const ru = (n: number) => count(n, 'утверждение', 'утверждения', 'утверждений');

export const useBackupMessages = defineMessages(
  {
    backups: 'Backups…',
    title: 'Backups',
    about:
      'Snapshots of your claims, written every few minutes while you work and when the window closes. Restoring puts back every claim as the snapshot had it and keeps the claims made since; your work as it is then is backed up first.',
    none: 'No backups yet.',
    lastFailed: (when: string, reason: string) =>
      `The last backup, at ${when}, could not be written: ${reason}. Your claims are safe in this browser's database; export them if this persists.`,
    claims: (n: number) => (n === 1 ? '1 claim' : `${n.toLocaleString('en')} claims`),
    kilobytes: (kb: number) => `${kb.toLocaleString('en', oneDecimal)} kB`,
    restore: 'Restore',
    close: 'Close',
    storage: (used: string, quota: string) => `This browser holds ${used} of your work (it allows ${quota}).`,
    persisted: 'It has promised to keep it even when disk space runs low.',
    evictable:
      'It has not promised to keep it: if disk space runs low it may clear it. Backups are written to a folder outside the browser, so keep them on, and export your work at milestones.',
    gigabytes: 'GB',
    megabytes: 'MB',
    listFailed: (reason: string) => `The backups cannot be listed: ${reason}`,
    damaged: (problem: Problem | undefined) =>
      `This backup is damaged (${problem?.path}: ${problem?.message}); nothing was changed.`,
    confirm: (corpus: string, when: string, plan: RestorePlan) =>
      [
        `Restore ${corpus} as the backup from ${when} had it?`,
        `• ${en(plan.broughtBack.length, 'claim comes', 'claims come')} back`,
        `• ${en(plan.reverted.length, 'claim goes', 'claims go')} back to how it was then`,
        `• ${en(plan.removed.length, 'claim', 'claims')} the backup had deleted will be deleted again`,
        `• ${en(plan.keptSince, 'claim', 'claims')} made since stay as they are`,
        'Your work as it is now is backed up first.',
      ].join('\n'),
    restored: (when: string, plan: RestorePlan) =>
      `Restored from ${when}: ${en(plan.broughtBack.length, 'claim', 'claims')} back, ${plan.reverted.length.toLocaleString('en')} reverted, ${plan.removed.length.toLocaleString('en')} deleted again, ${plan.keptSince.toLocaleString('en')} made since kept. The work before the restore is the newest backup.`,
    restoreFailed: (reason: string) => `The backup could not be restored: ${reason}; nothing was changed.`,
  },
  {
    backups: 'Копии…',
    title: 'Резервные копии',
    about:
      'Снимки ваших утверждений: сохраняются каждые несколько минут во время работы и при закрытии окна. Восстановление возвращает каждое утверждение к виду в снимке и сохраняет сделанные позже; нынешняя работа перед этим сохраняется в резервную копию.',
    none: 'Резервных копий пока нет.',
    lastFailed: (when: string, reason: string) =>
      `Последнюю резервную копию (${when}) записать не удалось: ${reason}. Утверждения сохранены в базе данных браузера; если ошибка повторяется, экспортируйте их.`,
    claims: (n: number) => count(n, 'утверждение', 'утверждения', 'утверждений'),
    kilobytes: (kb: number) => `${kb.toLocaleString('ru', oneDecimal)} КБ`,
    restore: 'Восстановить',
    close: 'Закрыть',
    storage: (used: string, quota: string) => `Браузер хранит ${used} вашей работы (разрешено ${quota}).`,
    persisted: 'Он обещал сохранить данные, даже если на диске мало места.',
    evictable:
      'Он не обещал сохранить данные: если на диске мало места, он может их удалить. Резервные копии пишутся в папку вне браузера, поэтому не отключайте их и экспортируйте работу на важных этапах.',
    gigabytes: 'ГБ',
    megabytes: 'МБ',
    listFailed: (reason: string) => `Не удалось получить список резервных копий: ${reason}`,
    damaged: (problem: Problem | undefined) =>
      `Резервная копия повреждена (${problem?.path}: ${problem?.message}); ничего не изменено.`,
    confirm: (corpus: string, when: string, plan: RestorePlan) =>
      [
        `Восстановить корпус ${corpus} по резервной копии от ${when}?`,
        `• вернутся: ${ru(plan.broughtBack.length)}`,
        `• станут такими, как тогда: ${ru(plan.reverted.length)}`,
        `• снова будут удалены (удалены в копии): ${ru(plan.removed.length)}`,
        `• сделанные позже останутся: ${ru(plan.keptSince)}`,
        'Сначала будет сохранена резервная копия нынешней работы.',
      ].join('\n'),
    restored: (when: string, plan: RestorePlan) =>
      `Восстановлено по копии от ${when}: вернулось ${ru(plan.broughtBack.length)}, возвращено к прежнему виду ${plan.reverted.length.toLocaleString('ru')}, снова удалено ${plan.removed.length.toLocaleString('ru')}, сделанные позже сохранены (${plan.keptSince.toLocaleString('ru')}). Работа до восстановления — в самой новой копии.`,
    restoreFailed: (reason: string) => `Резервную копию восстановить не удалось: ${reason}; ничего не изменено.`,
  },
);

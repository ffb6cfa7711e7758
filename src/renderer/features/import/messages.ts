import type { ImportReport } from '../../../shared/import/run-import';
import { defineMessages } from '../../i18n/language';
import { count } from '../../i18n/plural';

type Tally = Pick<ImportReport, 'added' | 'updated' | 'review' | 'duplicates' | 'orphans' | 'elsewhere'>;

const en = (n: number) => n.toLocaleString('en');
const counted = (n: number, one: string, many: string) => `${en(n)} ${n === 1 ? one : many}`;

export const useImportMessages = defineMessages(
  {
    import: 'Import…',
    importing: 'Importing…',
    files: 'Annotation files to import',
    title: 'Import report',
    refused: 'Nothing was imported from this file.',
    tally: ({ added, updated, review, duplicates, orphans, elsewhere }: Tally) =>
      `${counted(added, 'claim imported', 'claims imported')}${review > 0 ? `, ${en(review)} to check` : ''}${updated > 0 ? `, ${counted(updated, 'claim updated to the file’s newer version', 'claims updated to the file’s newer versions')}` : ''}, ${counted(duplicates, 'duplicate', 'duplicates')}, ${counted(orphans, 'claim could not be placed', 'claims could not be placed')}${elsewhere > 0 ? ` (${en(elsewhere)} for documents not in this corpus: see Missing documents)` : ''}.`,
    notPlacedIn: 'Claims waiting under Not placed (open the document, select the words, press Place at selection):',
    waiting: (n: number) => `${en(n)} waiting`,
    errors: 'Errors',
    notes: 'Read as',
    textsElsewhere: (n: number) =>
      `${counted(n, 'document', 'documents')} of this file ${n === 1 ? 'is' : 'are'} not in the corpus; the file carries ${n === 1 ? 'its text' : 'their texts'}. Save them as a corpus folder, open it with Open folder…, and import this file again: its claims land in them.`,
    saveTexts: 'Save the texts as a corpus folder (.zip)…',
    textsSaved: (location: string) => `Saved to ${location}`,
    codebookAdded: (name: string) =>
      `Its codes are the codebook “${name}”, now a layer of this corpus: its claims show under their own codes.`,
    conflicts: 'Not imported, to keep your work',
    skipped: 'Skipped',
    more: (n: number) => `… and ${en(n)} more`,
    close: 'Close',
    fileOf: (source: string, file: number, files: number) => (files > 1 ? `${source} (${file} of ${files})` : source),
    placing: 'Claims placed',
    placed: (done: number, total: number) => `Placing claims: ${en(done)} of ${en(total)}`,
    reading: 'Reading the file and its documents…',
    cancelKeeps: 'Cancel stops at once: nothing of this file or the ones after it is stored.',
    cancel: 'Cancel',
  },
  {
    import: 'Импорт…',
    importing: 'Импортируется…',
    files: 'Файлы разметки для импорта',
    title: 'Отчёт об импорте',
    refused: 'Из этого файла ничего не импортировано.',
    tally: ({ added, updated, review, duplicates, orphans, elsewhere }: Tally) =>
      `Импортировано ${count(added, 'утверждение', 'утверждения', 'утверждений')}${review > 0 ? ` (на проверку: ${review.toLocaleString('ru')})` : ''}${updated > 0 ? `, обновлено до более новой версии из файла: ${updated.toLocaleString('ru')}` : ''}, ${count(duplicates, 'дубликат', 'дубликата', 'дубликатов')}, не удалось разместить: ${orphans.toLocaleString('ru')}${elsewhere > 0 ? ` (для документов не из этого корпуса: ${elsewhere.toLocaleString('ru')}, см. «Отсутствующие документы»)` : ''}.`,
    notPlacedIn:
      'Утверждения ждут в разделе «Не размещены» (откройте документ, выделите слова, нажмите «Разместить на выделенном»):',
    waiting: (n: number) => `ждут: ${n.toLocaleString('ru')}`,
    errors: 'Ошибки',
    notes: 'Как прочитано',
    textsElsewhere: (n: number) =>
      `${count(n, 'документа', 'документов', 'документов')} этого файла нет в корпусе, но файл содержит ${n === 1 ? 'его текст' : 'их тексты'}. Сохраните их как папку корпуса, откройте её через «Открыть папку…» и импортируйте этот файл снова: утверждения окажутся в них.`,
    saveTexts: 'Сохранить тексты как папку корпуса (.zip)…',
    textsSaved: (location: string) => `Сохранено: ${location}`,
    codebookAdded: (name: string) =>
      `Его коды стали кодовой книгой «${name}» и новым слоем этого корпуса: утверждения показаны с их кодами.`,
    conflicts: 'Не импортировано, чтобы не затронуть вашу работу',
    skipped: 'Пропущено',
    more: (n: number) => `… и ещё ${n.toLocaleString('ru')}`,
    close: 'Закрыть',
    fileOf: (source: string, file: number, files: number) => (files > 1 ? `${source} (${file} из ${files})` : source),
    placing: 'Размещено утверждений',
    placed: (done: number, total: number) =>
      `Размещение утверждений: ${done.toLocaleString('ru')} из ${total.toLocaleString('ru')}`,
    reading: 'Чтение файла и его документов…',
    cancelKeeps: 'Отмена сразу останавливает импорт: ничего из этого файла и следующих не сохраняется.',
    cancel: 'Отменить',
  },
);

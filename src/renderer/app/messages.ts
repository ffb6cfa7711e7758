import { defineMessages } from '../i18n/language';
import { count, plural } from '../i18n/plural';

/** While the host reads the corpus: files of all, and the documents found so far (a dump is one file). */
export const readingEn = (name: string, read: number, total: number, documents: number) =>
  `Reading ${name}: ${read.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? 'file' : 'files'} (${documents.toLocaleString('en')} ${documents === 1 ? 'document' : 'documents'})…`;

export const readingRu = (name: string, read: number, total: number, documents: number) =>
  `Чтение ${name}: ${read.toLocaleString('ru')} из ${total.toLocaleString('ru')} ${plural(total, 'файла', 'файлов', 'файлов')} (${count(documents, 'документ', 'документа', 'документов')})…`;

export const useAppMessages = defineMessages(
  {
    brand: 'Framing Workbench',
    modes: 'Mode',
    annotate: 'Annotate',
    claims: 'Claims',
    search: 'Search',
    review: 'Review',
    analyse: 'Analyse',
    theme: 'Theme',
    themeSystem: 'Auto',
    themeLight: 'Light',
    themeDark: 'Dark',
    reading: readingEn,
    opening: 'Opening the corpus…',
    databaseFailed: (reason: string) =>
      `The local database cannot be opened (${reason}). Claims cannot be saved in this browser profile; check that it is not in private mode and has disk space.`,
    workFailed: (reason: string) => `Your saved work could not be opened: ${reason}`,
    corpusFailed: (reason: string) => `The corpus could not be opened: ${reason}`,
    loading: 'Loading…',
    shortcuts: 'Keyboard shortcuts',
    scopes: { annotate: 'Annotate', search: 'Search', review: 'Review', global: 'Everywhere' },
    close: 'Close',
  },
  {
    brand: 'Framing Workbench',
    modes: 'Режим',
    annotate: 'Разметка',
    claims: 'Утверждения',
    search: 'Поиск',
    review: 'Проверка',
    analyse: 'Анализ',
    theme: 'Тема',
    themeSystem: 'Авто',
    themeLight: 'Светлая',
    themeDark: 'Тёмная',
    reading: readingRu,
    opening: 'Корпус открывается…',
    databaseFailed: (reason: string) =>
      `Локальную базу данных открыть не удалось (${reason}). В этом профиле браузера разметку сохранить нельзя: проверьте, что это не приватный режим и что на диске есть место.`,
    workFailed: (reason: string) => `Сохранённую работу открыть не удалось: ${reason}`,
    corpusFailed: (reason: string) => `Корпус открыть не удалось: ${reason}`,
    loading: 'Загрузка…',
    shortcuts: 'Клавиши',
    scopes: { annotate: 'Разметка', search: 'Поиск', review: 'Проверка', global: 'Везде' },
    close: 'Закрыть',
  },
);

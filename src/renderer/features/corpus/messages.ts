import { defineMessages } from '../../i18n/language';
import { count, plural } from '../../i18n/plural';

export const useCorpusMessages = defineMessages(
  {
    documents: 'Documents',
    documentCount: (total: number) => `${total.toLocaleString('en')} documents`,
    shownOf: (shown: number, total: number) =>
      `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} documents`,
    searchHint: 'Search the corpus…',
    search: 'Search the corpus',
    language: 'Language',
    allLanguages: 'All languages',
    status: 'Status',
    anyStatus: 'Any status',
    tagPresent: 'Tag present',
    anyTags: 'Any tags',
    withClaims: 'With claims',
    withoutClaims: 'Without claims',
    tagged: (label: string) => `Tagged: ${label}`,
    source: 'Source',
    allSources: 'All sources',
    fromDate: 'From date',
    toDate: 'To date',
    claims: (n: number) => (n === 1 ? '1 claim' : `${n.toLocaleString('en')} claims`),
    done: '✓ done',
    noMatch: 'No document matches.',
    skipped: (n: number) => `${n.toLocaleString('en')} files skipped`,
    openFolder: 'Open folder…',
  },
  {
    documents: 'Документы',
    documentCount: (total: number) => count(total, 'документ', 'документа', 'документов'),
    // After «из» the noun is genitive: «из 1 документа», «из 5 документов».
    shownOf: (shown: number, total: number) =>
      `${shown.toLocaleString('ru')} из ${total.toLocaleString('ru')} ${plural(total, 'документа', 'документов', 'документов')}`,
    searchHint: 'Поиск по корпусу…',
    search: 'Поиск по корпусу',
    language: 'Язык',
    allLanguages: 'Все языки',
    status: 'Статус',
    anyStatus: 'Любой статус',
    tagPresent: 'Метки',
    anyTags: 'Любые метки',
    withClaims: 'С утверждениями',
    withoutClaims: 'Без утверждений',
    tagged: (label: string) => `С меткой: ${label}`,
    // «Источник» already names a claim's speaker; a document comes from a publication.
    source: 'Издание',
    allSources: 'Все издания',
    fromDate: 'Дата с',
    toDate: 'Дата по',
    claims: (n: number) => count(n, 'утверждение', 'утверждения', 'утверждений'),
    done: '✓ готов',
    noMatch: 'Подходящих документов нет.',
    skipped: (n: number) => `Пропущенные файлы: ${n.toLocaleString('ru')}`,
    openFolder: 'Открыть папку…',
  },
);

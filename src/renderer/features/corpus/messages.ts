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
    // A date range says nothing about documents without a date: the analyst decides, knowing how many.
    includeUndated: (n: number) =>
      n === 1 ? 'Include the 1 undated document' : `Include the ${n.toLocaleString('en')} undated documents`,
    undated: 'undated',
    noSource: 'source unknown',
    claims: (n: number) => (n === 1 ? '1 claim' : `${n.toLocaleString('en')} claims`),
    done: '✓ done',
    noMatch: 'No document matches.',
    approximate: 'Approximate',
    approximateHint:
      'Also find words spelt a little differently: typos, other endings. Without it, approximate matches are shown only when nothing matches exactly.',
    approximateOnly: 'No exact matches; showing approximate ones.',
    bestOf: (shown: number, total: number) =>
      `Listing the best ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} matching documents; add a word to narrow the search.`,
    approximateHit: '≈ approximate',
    skipped: (n: number) => `${n.toLocaleString('en')} files skipped`,
    missing: (n: number) => `Missing documents · ${n.toLocaleString('en')}`,
    notPlaced: (n: number) => `${n.toLocaleString('en')} not placed`,
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
    includeUndated: (n: number) => `Показывать документы без даты: ${n.toLocaleString('ru')}`,
    undated: 'без даты',
    noSource: 'издание неизвестно',
    claims: (n: number) => count(n, 'утверждение', 'утверждения', 'утверждений'),
    done: '✓ готов',
    noMatch: 'Подходящих документов нет.',
    approximate: 'Приблизительно',
    approximateHint:
      'Находить и слова, написанные немного иначе: с опечатками, с другими окончаниями. Без этого приблизительные совпадения показываются, только когда точных нет.',
    approximateOnly: 'Точных совпадений нет; показаны приблизительные.',
    // After «из» the noun is genitive: «из 1 подходящего документа», «из 5 подходящих документов».
    bestOf: (shown: number, total: number) =>
      `Показаны лучшие ${shown.toLocaleString('ru')} из ${total.toLocaleString('ru')} ${plural(total, 'подходящего документа', 'подходящих документов', 'подходящих документов')}; добавьте слово, чтобы сузить поиск.`,
    approximateHit: '≈ приблизительно',
    skipped: (n: number) => `Пропущенные файлы: ${n.toLocaleString('ru')}`,
    missing: (n: number) => `Отсутствующие документы · ${n.toLocaleString('ru')}`,
    notPlaced: (n: number) => `не размещено: ${n.toLocaleString('ru')}`,
    openFolder: 'Открыть папку…',
  },
);

import type { MatrixColumns } from '../../../shared/analysis/matrix';
import { defineMessages } from '../../i18n/language';
import { count } from '../../i18n/plural';

export const useAnalyseMessages = defineMessages(
  {
    analyse: 'Analyse',
    matrix: 'Tags by variable',
    pairs: 'Tags by tags',
    columns: 'Columns',
    columnNames: {
      source: 'source',
      language: 'language',
      year: 'year',
      month: 'month',
      document: 'document',
      annotator: 'annotator',
    } satisfies Record<MatrixColumns, string>,
    otherTags: 'other tags (together)',
    together: 'Together in',
    units: {
      'same-claim': 'the same claim',
      overlap: 'overlapping claims',
      document: 'the same document',
    },
    holding: (n: number) => `in ${n.toLocaleString('en')}`,
    jaccard: (value: number | null) =>
      value === null ? 'Jaccard: undefined' : `Jaccard: ${value.toFixed(2)} (together over either)`,
    unitsDefinition:
      'Each cell counts the claims, passages of overlapping claims or documents holding both tags; the diagonal, those holding the tag. Tinted by the Jaccard coefficient: those holding both over those holding either.',
    measure: 'Cells show',
    measures: {
      claims: 'claims',
      documents: 'documents with at least one',
      share: 'share of the column’s documents',
    },
    whose: 'Claims of',
    everyone: 'everyone',
    doneOnly: 'Only documents marked Done',
    none: '(none)',
    tag: 'Tag',
    total: 'Total',
    base: (n: number) => `of ${n.toLocaleString('en')} ${n === 1 ? 'document' : 'documents'}`,
    summary: (claims: number, documents: number) =>
      `${claims.toLocaleString('en')} ${claims === 1 ? 'claim' : 'claims'} in ${documents.toLocaleString('en')} ${documents === 1 ? 'document' : 'documents'}`,
    noClaims: 'No claims with these choices.',
    cut: (shown: number, all: number) =>
      `Showing ${shown.toLocaleString('en')} of ${all.toLocaleString('en')} columns; the CSV has them all.`,
    sortBy: (column: string) => `Sort the tags by ${column}`,
    open: (tag: string, column: string, n: number) => `${tag} in ${column}: ${n.toLocaleString('en')} — list them`,
    behind: (tag: string, column: string) => `${tag} in ${column}`,
    exportCsv: 'Export CSV',
    exported: (location: string) => `Saved to ${location}`,
    failed: (reason: string) => `Could not save: ${reason}`,
    loading: 'Counting the claims…',
    closeCell: 'Close the list',
    definition:
      'A claim with two tags counts in both rows. A column of a source, language or date holds every document with it, claims or not; an annotator’s, the documents they made claims in.',
  },
  {
    analyse: 'Анализ',
    matrix: 'Метки по переменной',
    pairs: 'Метки по меткам',
    columns: 'Столбцы',
    columnNames: {
      source: 'издание',
      language: 'язык',
      year: 'год',
      month: 'месяц',
      document: 'документ',
      annotator: 'аннотатор',
    },
    otherTags: 'другие метки (вместе)',
    together: 'Вместе в',
    units: {
      'same-claim': 'одном утверждении',
      overlap: 'пересекающихся утверждениях',
      document: 'одном документе',
    },
    holding: (n: number) => `в ${n.toLocaleString('ru')}`,
    jaccard: (value: number | null) =>
      value === null
        ? 'Жаккар: не определён'
        : `Жаккар: ${value.toFixed(2).replace('.', ',')} (вместе к хотя бы одной)`,
    unitsDefinition:
      'В каждой ячейке — число утверждений, фрагментов из пересекающихся утверждений или документов, где есть обе метки; на диагонали — где есть эта метка. Цвет — коэффициент Жаккара: где обе, к тем, где хотя бы одна.',
    measure: 'В ячейках',
    measures: {
      claims: 'утверждения',
      documents: 'документы, где есть хоть одно',
      share: 'доля документов столбца',
    },
    whose: 'Чьи утверждения',
    everyone: 'все',
    doneOnly: 'Только документы со статусом «Готово»',
    none: '(нет)',
    tag: 'Метка',
    total: 'Всего',
    base: (n: number) => `из ${count(n, 'документа', 'документов', 'документов')}`,
    summary: (claims: number, documents: number) =>
      `${count(claims, 'утверждение', 'утверждения', 'утверждений')} в ${count(documents, 'документе', 'документах', 'документах')}`,
    noClaims: 'При этом выборе утверждений нет.',
    cut: (shown: number, all: number) =>
      `Показано столбцов: ${shown.toLocaleString('ru')} из ${all.toLocaleString('ru')}; в CSV есть все.`,
    sortBy: (column: string) => `Упорядочить метки по столбцу «${column}»`,
    open: (tag: string, column: string, n: number) => `${tag} — ${column}: ${n.toLocaleString('ru')}, показать`,
    behind: (tag: string, column: string) => `${tag} — ${column}`,
    exportCsv: 'Экспорт CSV',
    exported: (location: string) => `Сохранено: ${location}`,
    failed: (reason: string) => `Не удалось сохранить: ${reason}`,
    loading: 'Подсчёт утверждений…',
    closeCell: 'Закрыть список',
    definition:
      'Утверждение с двумя метками считается в обеих строках. Столбец издания, языка или даты включает все документы с этим значением, с утверждениями или без; столбец аннотатора — документы, где он что-то отметил.',
  },
);

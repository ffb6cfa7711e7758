import { defineMessages } from '../../i18n/language';
import { count, plural } from '../../i18n/plural';

export const useSearchMessages = defineMessages(
  {
    concordance: 'Concordance',
    title: (corpus: string) => `Search ${corpus}`,
    query: 'Search every document',
    queryHint: 'санкции, "расширение НАТО", расшир*, Москва OR Кремль',
    regex: 'Regular expression',
    syntax:
      'Words find their inflections (санкции: санкций, санкциями; sanction: sanctioned). "Quoted words" only these forms, * any letters, OR either side. Case does not matter.',
    searching: 'Searching…',
    summary: (hits: number, documents: number, of: number) =>
      `${hits.toLocaleString('en')} ${hits === 1 ? 'hit' : 'hits'} in ${documents.toLocaleString('en')} of ${of.toLocaleString('en')} ${of === 1 ? 'document' : 'documents'}`,
    cut: (shown: number) => `Showing the first ${shown.toLocaleString('en')}; narrow the query to see the others.`,
    noHits: 'Nothing in the corpus matches.',
    hitsIn: (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'hit' : 'hits'}`,
    open: (title: string) => `Open in ${title}, with the hit selected`,
    coded: 'Already in a claim:',
    failed: (reason: string) => `The search failed: ${reason}`,
  },
  {
    concordance: 'Конкорданс',
    title: (corpus: string) => `Поиск по ${corpus}`,
    query: 'Искать во всех документах',
    queryHint: 'санкции, "расширение НАТО", расшир*, Москва OR Кремль',
    regex: 'Регулярное выражение',
    syntax:
      'Слова находятся во всех формах (санкции: санкций, санкциями; sanction: sanctioned). "Слова в кавычках" — только в этих формах, * — любые буквы, OR — любое из двух. Регистр не важен.',
    searching: 'Идёт поиск…',
    summary: (hits: number, documents: number, of: number) =>
      `${count(hits, 'вхождение', 'вхождения', 'вхождений')} в ${documents.toLocaleString('ru')} из ${of.toLocaleString('ru')} ${plural(of, 'документа', 'документов', 'документов')}`,
    cut: (shown: number) => `Показаны первые ${shown.toLocaleString('ru')}; уточните запрос, чтобы увидеть остальные.`,
    noHits: 'В корпусе ничего не найдено.',
    hitsIn: (n: number) => count(n, 'вхождение', 'вхождения', 'вхождений'),
    open: (title: string) => `Открыть «${title}» с выделенным вхождением`,
    coded: 'Уже в утверждении:',
    failed: (reason: string) => `Поиск не удался: ${reason}`,
  },
);
